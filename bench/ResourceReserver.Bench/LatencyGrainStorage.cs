using Orleans.Storage;

namespace ResourceReserver.Bench;

/// <summary>
/// The real storage behind an added delay per write, standing in for a database round trip (PostgreSQL over a
/// network) on a machine where SQLite writes take microseconds. Counts writes, so batching shows as bookings per write.
/// </summary>
internal sealed class LatencyGrainStorage(IGrainStorage inner, TimeSpan latency) : IGrainStorage
{
    // Process-wide: the silo may build more than one instance of a provider.
    private static int _writes;

    public static int Writes => Volatile.Read(ref _writes);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Interlocked.Increment(ref _writes);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency);
        }

        await inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
