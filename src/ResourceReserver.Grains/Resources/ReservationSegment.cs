using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Outbox;

namespace ResourceReserver.Resources;

/// <summary>
/// One row of a resource ("resource-seg-N"). Every decision writes exactly one row, the open segment (the
/// highest-numbered one), so that row's version check fences the decision against a stale duplicate activation:
/// whatever another activation decided since, it wrote that same row (or sealed it before opening the next).
/// A change to an entity kept in an older, sealed segment is written here as a newer copy or a tombstone; the
/// copy in the highest segment wins when the rows are read back, and the older copy is tidied away afterwards.
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
    /// Set by the write that fills the segment; the next decision opens a new segment. A stale activation still
    /// deciding into this row fails its version check, because sealing wrote it.
    /// </summary>
    [Id(4)] public bool Sealed { get; set; }

    /// <summary>The resource's details, status and rules as of this segment (the highest segment's copy is current).</summary>
    [Id(5)] public ResourceSnapshot? Resource { get; set; }

    /// <summary>How long holds and offers stand; null means the defaults. Current in the highest segment, like <see cref="Resource"/>.</summary>
    [Id(6)] public HoldTiming? HoldTiming { get; set; }

    /// <summary>Reservations removed while an older segment may still hold a copy of them.</summary>
    [Id(7)] public HashSet<Guid> RemovedReservations { get; set; } = [];

    /// <summary>Holds removed while an older segment may still hold a copy of them.</summary>
    [Id(8)] public HashSet<Guid> RemovedHolds { get; set; } = [];

    /// <summary>
    /// Waiting waitlist entries (in queue order) that no offer covers yet, as the waitlist last said; current in
    /// the highest segment. A decision that frees capacity offers it to them in its own write.
    /// </summary>
    [Id(9)] public List<OfferCandidate>? Demand { get; set; }

    /// <summary>Reservations and holds held here; a segment is sealed once this reaches the segment capacity.</summary>
    public int EntryCount => Reservations.Count + Holds.Count;

    /// <summary>True while the row holds an entry or a tombstone.</summary>
    public bool HasEntries => EntryCount > 0 || RemovedReservations.Count > 0 || RemovedHolds.Count > 0;

    /// <summary>True when the row holds nothing worth reading again.</summary>
    public bool IsEmpty => !HasEntries && Answers.Count == 0 && Outbox.Count == 0;

    /// <summary>A shallow copy (the entries are immutable records), so a write in flight never sees later decisions.</summary>
    public ReservationSegment Copy() => new()
    {
        Reservations = new(Reservations),
        Holds = new(Holds),
        Answers = new(Answers),
        Outbox = [.. Outbox],
        Sealed = Sealed,
        Resource = Resource,
        HoldTiming = HoldTiming,
        Demand = Demand is null ? null : [.. Demand],
        RemovedReservations = [.. RemovedReservations],
        RemovedHolds = [.. RemovedHolds],
    };
}
