namespace ResourceReserver.Events;

/// <summary>
/// Where grains that keep an outbox (users, waitlists, directories) hand it after a successful state write: the
/// event log and projections. Resources append their events in the transaction that decides them instead.
/// Must be idempotent by event id, because delivery is at least once.
/// </summary>
public interface IEventSink
{
    /// <summary>Stores the events and applies them to the projections, all or nothing.</summary>
    Task PublishAsync(IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default);
}
