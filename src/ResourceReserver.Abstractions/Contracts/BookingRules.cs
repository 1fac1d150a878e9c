namespace ResourceReserver.Contracts;

/// <summary>The per-resource limits every booking is checked against inside the resource grain.</summary>
[GenerateSerializer, Immutable, Alias("rr.BookingRules")]
public sealed record BookingRules
{
    /// <summary>The rules a new resource gets unless told otherwise (those of the reference system).</summary>
    public static BookingRules Default { get; } = new();

    /// <summary>Shortest allowed booking.</summary>
    [Id(0)] public TimeSpan MinDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Longest allowed booking.</summary>
    [Id(1)] public TimeSpan MaxDuration { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long before its start a booking must be made at the latest.</summary>
    [Id(2)] public TimeSpan MinNotice { get; init; } = TimeSpan.Zero;

    /// <summary>How far ahead a booking may start.</summary>
    [Id(3)] public TimeSpan MaxHorizon { get; init; } = TimeSpan.FromDays(365);

    /// <summary>Free time kept before each booking (cleaning, set-up); counts against capacity.</summary>
    [Id(5)] public TimeSpan BufferBefore { get; init; } = TimeSpan.Zero;

    /// <summary>Free time kept after each booking; counts against capacity.</summary>
    [Id(6)] public TimeSpan BufferAfter { get; init; } = TimeSpan.Zero;

    /// <summary>How many confirmed, not yet ended reservations one user may hold here; 0 means no limit.</summary>
    [Id(7)] public int MaxActivePerUser { get; init; }
}
