namespace ResourceReserver.Contracts;

/// <summary>What to do when some occurrences of a series cannot be booked.</summary>
public enum SeriesConflictMode
{
    /// <summary>Any refused occurrence refuses the whole series (the default).</summary>
    AllOrNothing = 0,

    /// <summary>Book the occurrences that fit and list the skipped ones.</summary>
    SkipConflicts = 1,
}

/// <summary>
/// A recurring booking: the first occurrence plus an RFC 5545 RRULE, expanded in the resource's zone so each
/// occurrence keeps the same local wall-clock time across DST changes.
/// </summary>
[GenerateSerializer, Immutable, Alias("rr.SeriesRequest")]
public sealed record SeriesRequest
{
    [Id(0)] public Guid SeriesId { get; init; }
    [Id(1)] public Guid UserId { get; init; }

    /// <summary>Start of the first occurrence; its local time in the resource's zone is what repeats.</summary>
    [Id(2)] public DateTimeOffset Start { get; init; }

    /// <summary>End of the first occurrence; every occurrence lasts as long in local time.</summary>
    [Id(3)] public DateTimeOffset End { get; init; }

    /// <summary>The RRULE value, e.g. <c>FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10</c>.</summary>
    [Id(4)] public required string Rule { get; init; }
    [Id(5)] public int Quantity { get; init; } = 1;
    [Id(6)] public string? Title { get; init; }
    [Id(7)] public string? Notes { get; init; }
    [Id(8)] public SeriesConflictMode Mode { get; init; }
}

/// <summary>An occurrence that was not booked and why.</summary>
[GenerateSerializer, Immutable, Alias("rr.SkippedOccurrence")]
public sealed record SkippedOccurrence(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End,
    [property: Id(2)] string Code);

/// <summary>The booked occurrences of a series and the skipped ones.</summary>
[GenerateSerializer, Immutable, Alias("rr.SeriesResult")]
public sealed record SeriesResult(
    [property: Id(0)] Guid SeriesId,
    [property: Id(1)] IReadOnlyList<Reservation> Booked,
    [property: Id(2)] IReadOnlyList<SkippedOccurrence> Skipped);

/// <summary>Which occurrences a series cancellation covers.</summary>
public enum SeriesScope
{
    /// <summary>Only the given occurrence.</summary>
    One = 0,

    /// <summary>The given occurrence and every later one.</summary>
    ThisAndFollowing = 1,

    /// <summary>Every occurrence not yet ended.</summary>
    All = 2,
}
