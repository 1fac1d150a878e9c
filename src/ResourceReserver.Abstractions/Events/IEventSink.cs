namespace ResourceReserver.Events;

/// <summary>
/// Where grains hand their outbox after a successful state write: the read store's event log and projections.
/// Must be idempotent by event id, because delivery is at least once.
/// </summary>
public interface IEventSink
{
    /// <summary>Stores the events and applies them to the projections, all or nothing.</summary>
    Task PublishAsync(IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default);
}
