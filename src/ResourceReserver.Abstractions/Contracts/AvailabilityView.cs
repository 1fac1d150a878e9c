namespace ResourceReserver.Contracts;

/// <summary>Busy and free intervals of a resource over a window; busy means no capacity is left.</summary>
[GenerateSerializer, Immutable, Alias("rr.AvailabilityView")]
public sealed record AvailabilityView(
    [property: Id(0)] Guid ResourceId,
    [property: Id(1)] DateTimeOffset From,
    [property: Id(2)] DateTimeOffset Until,
    [property: Id(3)] IReadOnlyList<BusyInterval> Busy,
    [property: Id(4)] IReadOnlyList<TimeRange> Free);

/// <summary>A fully booked interval; reservations are listed only for administrators.</summary>
[GenerateSerializer, Immutable, Alias("rr.BusyInterval")]
public sealed record BusyInterval(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End,
    [property: Id(2)] IReadOnlyList<Guid> ReservationIds);
