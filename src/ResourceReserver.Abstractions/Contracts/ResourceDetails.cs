namespace ResourceReserver.Contracts;

/// <summary>What an administrator says about a resource: its descriptive fields and capacity.</summary>
[GenerateSerializer, Immutable, Alias("rr.ResourceDetails")]
public sealed record ResourceDetails
{
    /// <summary>Unique (case-insensitive) display name.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>Free text shown to users.</summary>
    [Id(1)] public string? Description { get; init; }

    /// <summary>Lower-case tags used for search.</summary>
    [Id(2)] public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>How many reservations may overlap (seats, parking spaces).</summary>
    [Id(3)] public int Capacity { get; init; } = 1;

    /// <summary>IANA time zone the resource's local rules are evaluated in.</summary>
    [Id(4)] public string TimeZone { get; init; } = "UTC";

    /// <summary>Free-form key/value attributes (floor, equipment).</summary>
    [Id(5)] public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>Where to find it.</summary>
    [Id(6)] public string? Location { get; init; }

    /// <summary>Booking limits.</summary>
    [Id(7)] public BookingRules Rules { get; init; } = BookingRules.Default;

    /// <summary>Weekly opening hours in the resource's zone; null falls back to the global default.</summary>
    [Id(9)] public BusinessHours? BusinessHours { get; init; }

    /// <summary>Local dates (in the resource's zone) on which nothing may be booked.</summary>
    [Id(10)] public IReadOnlyList<DateOnly> Blackouts { get; init; } = [];

    /// <summary>The group (building, floor, area) the resource belongs to, if any.</summary>
    [Id(11)] public Guid? GroupId { get; init; }

    /// <summary>Ids of the labels attached to the resource.</summary>
    [Id(12)] public IReadOnlyList<Guid> Labels { get; init; } = [];
}
