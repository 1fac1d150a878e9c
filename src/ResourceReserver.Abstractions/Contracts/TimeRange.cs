namespace ResourceReserver.Contracts;

/// <summary>A half-open interval <c>[Start, End)</c> of instants; back-to-back ranges do not overlap.</summary>
[GenerateSerializer, Immutable, Alias("rr.TimeRange")]
public readonly record struct TimeRange([property: Id(0)] DateTimeOffset Start, [property: Id(1)] DateTimeOffset End)
{
    /// <summary>The length of the range.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>True when the two half-open ranges share at least one instant.</summary>
    public bool Overlaps(TimeRange other) => Start < other.End && other.Start < End;
}
