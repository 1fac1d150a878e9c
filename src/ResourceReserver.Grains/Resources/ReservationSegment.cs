using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Outbox;

namespace ResourceReserver.Resources;

/// <summary>
/// One row of a resource's reservations ("resource-seg-N"). A decision's reservations, holds, idempotent answer
/// and outbox events live in the same segment, so one row write commits the decision atomically.
/// </summary>
[GenerateSerializer, Alias("rr.ReservationSegment")]
public sealed class ReservationSegment : IHasOutbox
{
    [Id(0)] public Dictionary<Guid, Reservation> Reservations { get; set; } = [];

    [Id(1)] public Dictionary<Guid, Hold> Holds { get; set; } = [];

    /// <summary>First answers by "user:key" of the bookings decided into this segment.</summary>
    [Id(2)] public Dictionary<string, IdempotentAnswer> Answers { get; set; } = [];

    [Id(3)] public List<DomainEvent> Outbox { get; set; } = [];

    /// <summary>
    /// Set when a newer segment takes new bookings. Sealing writes this row, so a stale duplicate activation that
    /// still books into it fails its version check instead of deciding beside the newer segment.
    /// </summary>
    [Id(4)] public bool Sealed { get; set; }

    /// <summary>Reservations and holds held here.</summary>
    public int EntryCount => Reservations.Count + Holds.Count;

    /// <summary>A shallow copy (the entries are immutable records), so a write in flight never sees later decisions.</summary>
    public ReservationSegment Copy() => new()
    {
        Reservations = new(Reservations),
        Holds = new(Holds),
        Answers = new(Answers),
        Outbox = [.. Outbox],
        Sealed = Sealed,
    };
}
