namespace ResourceReserver.Scheduling;

/// <summary>
/// Free time a resource keeps around each booking. The interval index holds bookings padded by it, so two
/// bookings conflict when their padded ranges overlap; the API always shows the unpadded range.
/// </summary>
public readonly record struct Buffers(TimeSpan Before, TimeSpan After)
{
    /// <summary>The buffers a rule set asks for.</summary>
    public static Buffers Of(BookingRules rules) => new(rules.BufferBefore, rules.BufferAfter);

    /// <summary>The range a booking occupies, buffers included.</summary>
    public TimeRange Pad(TimeRange range) => new(range.Start - Before, range.End + After);

    /// <summary>The booked range of an occupied (padded) range.</summary>
    public TimeRange Unpad(TimeRange range) => new(range.Start + Before, range.End - After);
}
