using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Outbox;

namespace ResourceReserver.Resources;

/// <summary>The persisted state of a resource grain: the resource, its live reservations and its outbox.</summary>
[GenerateSerializer, Alias("rr.ResourceState")]
public sealed class ResourceState : IHasOutbox
{
    [Id(0)] public ResourceSnapshot? Resource { get; set; }

    /// <summary>Confirmed and recently cancelled reservations that have not ended yet.</summary>
    [Id(1)] public Dictionary<Guid, Reservation> Reservations { get; set; } = [];

    /// <summary>First answers by "user:key", so a retried booking returns the same answer.</summary>
    [Id(2)] public Dictionary<string, IdempotentAnswer> Answers { get; set; } = [];

    [Id(3)] public List<DomainEvent> Outbox { get; set; } = [];

    /// <summary>Standing holds and waitlist offers; they block capacity like confirmed reservations.</summary>
    [Id(20)] public Dictionary<Guid, Hold> Holds { get; set; } = [];

    /// <summary>How long holds and offers stand on this resource; null means the defaults.</summary>
    [Id(21)] public HoldTiming? HoldTiming { get; set; }
}

/// <summary>The remembered first answer to an idempotent booking.</summary>
[GenerateSerializer, Immutable, Alias("rr.IdempotentAnswer")]
public sealed record IdempotentAnswer(
    [property: Id(0)] string Fingerprint,
    [property: Id(1)] Outcome<Reservation> Answer,
    [property: Id(2)] DateTimeOffset ExpiresAt);
