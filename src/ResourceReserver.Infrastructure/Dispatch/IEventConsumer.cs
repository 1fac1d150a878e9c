using ResourceReserver.Events;

namespace ResourceReserver.Infrastructure.Dispatch;

/// <summary>
/// Something that reacts to every event of the log, at least once. Every silo runs every consumer, so
/// <see cref="HandleAsync"/> must be idempotent by event id (unique keys in the database do that).
/// </summary>
public interface IEventConsumer
{
    /// <summary>The cursor's name; never change it on a live deployment.</summary>
    string Name { get; }

    /// <summary>
    /// True for a consumer that serves only this silo (live push to the connections held here): it starts at
    /// the end of the log when the silo starts and keeps its cursor in memory, so every silo sees every event.
    /// </summary>
    bool IsLocal => false;

    /// <summary>Reacts to one event; throwing makes the dispatcher retry it.</summary>
    Task HandleAsync(DomainEvent domainEvent, CancellationToken ct);
}
