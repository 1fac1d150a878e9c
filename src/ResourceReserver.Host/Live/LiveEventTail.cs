using ResourceReserver.Events;
using ResourceReserver.Infrastructure.Dispatch;

namespace ResourceReserver.Host.Live;

/// <summary>
/// Feeds this silo's <see cref="LiveEventBus"/> from the shared event log. Local to the silo: it starts at the
/// log's end and keeps its place in memory, so every silo hands every committed event to its own subscribers.
/// </summary>
public sealed class LiveEventTail(LiveEventBus bus) : IEventConsumer
{
    /// <inheritdoc />
    public string Name => "live";

    /// <inheritdoc />
    public bool IsLocal => true;

    /// <inheritdoc />
    public Task HandleAsync(DomainEvent domainEvent, CancellationToken ct) => bus.PublishEventsAsync([domainEvent]);
}
