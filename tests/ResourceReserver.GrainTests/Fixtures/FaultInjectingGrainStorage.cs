using Orleans.Storage;

namespace ResourceReserver.GrainTests.Fixtures;

/// <summary>What the next matching write does instead of being stored: a crash-like failure or a version conflict.</summary>
public sealed class StorageFaults
{
    private readonly object _gate = new();
    private Func<string, bool>? _matches;
    private int _skip;
    private Func<Exception>? _failure;

    /// <summary>Counts every write that reached the store, by state name.</summary>
    public List<string> Written { get; } = [];

    /// <summary>Fails the write after <paramref name="skip"/> more matching ones succeeded; the failed one is not stored.</summary>
    public void FailWrite(Func<string, bool> stateName, Func<Exception> failure, int skip = 0)
    {
        lock (_gate)
        {
            (_matches, _failure, _skip) = (stateName, failure, skip);
        }
    }

    public bool Armed
    {
        get
        {
            lock (_gate)
            {
                return _matches is not null;
            }
        }
    }

    internal void Check(string stateName)
    {
        lock (_gate)
        {
            if (_matches is null || !_matches(stateName))
            {
                Written.Add(stateName);
                return;
            }

            if (_skip-- > 0)
            {
                Written.Add(stateName);
                return;
            }

            var failure = _failure!();
            _matches = null;
            throw failure;
        }
    }
}

/// <summary>Wraps the real grain storage and fails chosen writes before they reach it, as a crash would.</summary>
public sealed class FaultInjectingGrainStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        faults.Check(stateName);
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
