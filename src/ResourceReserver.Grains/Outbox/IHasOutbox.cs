using ResourceReserver.Events;

namespace ResourceReserver.Outbox;

/// <summary>Grain state that carries its own outbox, written atomically with the change it describes.</summary>
public interface IHasOutbox
{
    /// <summary>Events recorded but not yet known to be delivered.</summary>
    List<DomainEvent> Outbox { get; }
}
