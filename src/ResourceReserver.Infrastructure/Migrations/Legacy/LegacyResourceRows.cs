using ResourceReserver.Contracts;
using ResourceReserver.Events;

namespace ResourceReserver.Infrastructure.Migrations.Legacy;

// The shapes resource grains stored in Orleans grain storage before issue 10, kept only so that
// ResourceRowsFromGrainState can read them once. Never renumber their ids or change their aliases.

/// <summary>A segment row ("resource-seg-N"): the newest copy of an entity, or its tombstone, is in the highest segment.</summary>
[GenerateSerializer, Alias("rr.ReservationSegment")]
public sealed class LegacySegment
{
    [Id(0)] public Dictionary<Guid, Reservation> Reservations { get; set; } = [];

    [Id(1)] public Dictionary<Guid, Hold> Holds { get; set; } = [];

    [Id(2)] public Dictionary<string, LegacyAnswer> Answers { get; set; } = [];

    [Id(3)] public List<DomainEvent> Outbox { get; set; } = [];

    [Id(4)] public bool Sealed { get; set; }

    [Id(5)] public ResourceSnapshot? Resource { get; set; }

    [Id(6)] public HoldTiming? HoldTiming { get; set; }

    [Id(7)] public HashSet<Guid> RemovedReservations { get; set; } = [];

    [Id(8)] public HashSet<Guid> RemovedHolds { get; set; } = [];

    [Id(9)] public List<OfferCandidate>? Demand { get; set; }
}

/// <summary>The whole-state row ("resource") from before segments.</summary>
[GenerateSerializer, Alias("rr.ResourceState")]
public sealed class LegacyWholeState
{
    [Id(0)] public ResourceSnapshot? Resource { get; set; }

    [Id(1)] public Dictionary<Guid, Reservation> Reservations { get; set; } = [];

    [Id(2)] public Dictionary<string, LegacyAnswer> Answers { get; set; } = [];

    [Id(3)] public List<DomainEvent> Outbox { get; set; } = [];

    [Id(20)] public Dictionary<Guid, Hold> Holds { get; set; } = [];

    [Id(21)] public HoldTiming? HoldTiming { get; set; }
}

/// <summary>A remembered first answer to an idempotent booking.</summary>
[GenerateSerializer, Immutable, Alias("rr.IdempotentAnswer")]
public sealed record LegacyAnswer(
    [property: Id(0)] string Fingerprint,
    [property: Id(1)] Outcome<Reservation> Answer,
    [property: Id(2)] DateTimeOffset ExpiresAt);
