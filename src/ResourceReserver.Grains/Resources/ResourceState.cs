using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Outbox;

namespace ResourceReserver.Resources;

/// <summary>
/// The whole-state row of a resource as stored before segments ("resource"). Kept only so existing data is
/// read once and moved into segment 0 (see ResourceLedgerLoader).
/// </summary>
[GenerateSerializer, Alias("rr.ResourceState")]
public sealed class ResourceState : IHasOutbox
{
    [Id(0)] public ResourceSnapshot? Resource { get; set; }

    [Id(1)] public Dictionary<Guid, Reservation> Reservations { get; set; } = [];

    [Id(2)] public Dictionary<string, IdempotentAnswer> Answers { get; set; } = [];

    [Id(3)] public List<DomainEvent> Outbox { get; set; } = [];

    [Id(20)] public Dictionary<Guid, Hold> Holds { get; set; } = [];

    [Id(21)] public HoldTiming? HoldTiming { get; set; }
}

/// <summary>The remembered first answer to an idempotent booking.</summary>
[GenerateSerializer, Immutable, Alias("rr.IdempotentAnswer")]
public sealed record IdempotentAnswer(
    [property: Id(0)] string Fingerprint,
    [property: Id(1)] Outcome<Reservation> Answer,
    [property: Id(2)] DateTimeOffset ExpiresAt);
