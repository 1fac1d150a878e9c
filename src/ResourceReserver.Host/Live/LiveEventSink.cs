using ResourceReserver.Events;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Live;

/// <summary>
/// The grains' event sink with live fan-out: once the read store has the events, the writing silo pushes them
/// to subscribers. The push is not awaited, so a slow or absent Redis never slows a booking; a lost push only
/// costs a client a refresh, the event log stays the source of truth.
/// </summary>
public sealed class LiveEventSink(SqlReadStore store, ILiveObserver observer, ILogger<LiveEventSink> logger) : IEventSink
{
    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        await store.PublishAsync(events, cancellationToken);
        foreach (var change in events.Select(LiveChange.From).OfType<LiveChange>())
        {
            _ = PushAsync(change);
        }
    }

    private async Task PushAsync(LiveChange change)
    {
        try
        {
            await observer.PublishAsync(change);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Live push of {EventId} failed", change.EventId);
        }
    }
}
