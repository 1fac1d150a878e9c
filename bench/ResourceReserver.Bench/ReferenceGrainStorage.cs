using Orleans.Storage;

namespace ResourceReserver.Bench;

/// <summary>
/// Keeps each grain's state object by reference and bumps an ETag: a write costs the same whatever the state
/// holds, so the benchmark measures the grain's own booking cost, not serialisation of the whole state.
/// </summary>
internal sealed class ReferenceGrainStorage : IGrainStorage
{
    private readonly Dictionary<(string, GrainId), (object State, int ETag)> _states = [];

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_states)
        {
            if (_states.TryGetValue((stateName, grainId), out var stored))
            {
                grainState.State = (T)stored.State;
                grainState.ETag = stored.ETag.ToString(System.Globalization.CultureInfo.InvariantCulture);
                grainState.RecordExists = true;
            }
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_states)
        {
            var etag = _states.TryGetValue((stateName, grainId), out var stored) ? stored.ETag + 1 : 1;
            _states[(stateName, grainId)] = (grainState.State!, etag);
            grainState.ETag = etag.ToString(System.Globalization.CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_states)
        {
            _states.Remove((stateName, grainId));
        }

        return Task.CompletedTask;
    }
}
