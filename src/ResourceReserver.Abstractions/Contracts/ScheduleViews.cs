namespace ResourceReserver.Contracts;

/// <summary>A move or resize of a reservation; null fields keep their value.</summary>
[GenerateSerializer, Immutable, Alias("rr.ReservationChange")]
public sealed record ReservationChange
{
    [Id(0)] public DateTimeOffset? Start { get; init; }
    [Id(1)] public DateTimeOffset? End { get; init; }
    [Id(2)] public int? Quantity { get; init; }
    [Id(3)] public string? Title { get; init; }
    [Id(4)] public string? Notes { get; init; }
}

/// <summary>Bookable slots of a given length on one local date of a resource.</summary>
[GenerateSerializer, Immutable, Alias("rr.SlotList")]
public sealed record SlotList(
    [property: Id(0)] Guid ResourceId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] TimeSpan Duration,
    [property: Id(4)] IReadOnlyList<TimeRange> Slots);

/// <summary>Resources by what they can do right now, across the catalogue.</summary>
[GenerateSerializer, Immutable, Alias("rr.AvailabilitySummary")]
public sealed record AvailabilitySummary(
    [property: Id(0)] int Total,
    [property: Id(1)] int AvailableNow,
    [property: Id(2)] int InUse,
    [property: Id(3)] int Unavailable);
