using Microsoft.Extensions.Logging;
using ResourceReserver.Events;

namespace ResourceReserver.Outbox;

/// <summary>
/// Hands a grain's outbox to the event sink after a successful write. Delivered events are dropped from the
/// in-memory outbox only, so the next state write persists the shorter list; after a crash the persisted
/// events are delivered again and the sink drops them as duplicates. Nothing is ever lost, at worst delayed.
/// </summary>
public sealed class OutboxRelay(IEventSink sink, ILogger<OutboxRelay> logger)
{
    /// <summary>Delivers what is pending; true when the outbox is empty afterwards.</summary>
    public async Task<bool> DeliverAsync(IHasOutbox state)
    {
        if (state.Outbox.Count == 0)
        {
            return true;
        }

        var pending = state.Outbox.ToList();
        try
        {
            await sink.PublishAsync(pending);
        }
        catch (Exception exception)
        {
            // The events stay in the persisted outbox; the grain's retry timer delivers them later.
            logger.LogWarning(exception, "Outbox delivery of {Count} events failed; will retry", pending.Count);
            return false;
        }

        ResourceReserver.Diagnostics.ReserverMetrics.RecordOutboxDelivery(pending, DateTimeOffset.UtcNow);
        var delivered = pending.Select(e => e.Id).ToHashSet();
        state.Outbox.RemoveAll(e => delivered.Contains(e.Id));
        return state.Outbox.Count == 0;
    }
}
