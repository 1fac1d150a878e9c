using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Outbox;

namespace ResourceReserver.Waitlist;

/// <summary>The persisted state of a resource's waitlist: its entries in join order and its outbox.</summary>
[GenerateSerializer, Alias("rr.WaitlistState")]
public sealed class WaitlistState : IHasOutbox
{
    [Id(0)] public Dictionary<Guid, WaitlistEntry> Entries { get; set; } = [];

    /// <summary>The next join-order number; never reused, so order survives leaves.</summary>
    [Id(1)] public long NextSequence { get; set; } = 1;

    [Id(2)] public List<DomainEvent> Outbox { get; set; } = [];
}
