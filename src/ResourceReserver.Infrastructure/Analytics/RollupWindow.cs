namespace ResourceReserver.Infrastructure.Analytics;

/// <summary>
/// How a window splits for the daily rollup (<c>analytics_days</c>): the whole UTC days inside it, read from the rollup,
/// and the edges before and after them, read from the reservations. A window without a whole day inside is all edge.
/// </summary>
public sealed record RollupWindow
{
    /// <summary>Milliseconds in a UTC day, the rollup's unit.</summary>
    public const long DayMs = 86_400_000;

    private const long HourMs = 3_600_000;

    private RollupWindow(long fromMs, long untilMs)
    {
        (FromMs, UntilMs) = (fromMs, untilMs);
        FirstDayMs = Math.Min(CeilingDay(fromMs), untilMs);
        EndDayMs = Math.Max(FloorDay(untilMs), FirstDayMs);
    }

    /// <summary>Start of the window, unix milliseconds.</summary>
    public long FromMs { get; }

    /// <summary>End of the window (exclusive), unix milliseconds.</summary>
    public long UntilMs { get; }

    /// <summary>Start of the first whole day inside the window.</summary>
    public long FirstDayMs { get; }

    /// <summary>End of the last whole day inside the window (exclusive); equal to <see cref="FirstDayMs"/> when there is none.</summary>
    public long EndDayMs { get; }

    /// <summary>True when at least one whole UTC day lies inside the window.</summary>
    public bool HasWholeDays => EndDayMs > FirstDayMs;

    /// <summary>The split of a filter's window.</summary>
    public static RollupWindow Of(AnalyticsFilter filter) => new(filter.From.ToUnixTimeMilliseconds(), filter.Until.ToUnixTimeMilliseconds());

    /// <summary>
    /// The zone's offset over the whole day starting at <paramref name="dayMs"/> when it is one offset of whole hours (so the
    /// rollup's UTC hours map to local hours one to one); null on a day the offset changes or in a zone off the hour.
    /// </summary>
    public static long? WholeHourOffset(IReadOnlyList<OffsetSpan> offsets, long dayMs)
    {
        // The stretches are in order: the first one that ends after the day's start holds it; it must hold its end too.
        foreach (var span in offsets)
        {
            if (dayMs < span.UntilMs)
            {
                return span.UntilMs >= dayMs + DayMs && span.OffsetMs % HourMs == 0 ? span.OffsetMs : null;
            }
        }

        return null;
    }

    /// <summary>The local ISO weekday (1 = Monday) and hour of an instant, given the zone's offset there.</summary>
    public static (int Weekday, int Hour) LocalCell(long utcMs, long offsetMs)
    {
        var local = utcMs + offsetMs;
        var day = Math.DivRem(local, DayMs, out var inDay);
        if (inDay < 0)
        {
            (day, inDay) = (day - 1, inDay + DayMs);
        }

        // Day 0 of unix time (1970-01-01) was a Thursday, ISO weekday 4.
        return ((int)(((day + 3) % 7 + 7) % 7) + 1, (int)(inDay / HourMs));
    }

    private static long FloorDay(long ms) => ms - (((ms % DayMs) + DayMs) % DayMs);

    private static long CeilingDay(long ms) => FloorDay(ms) == ms ? ms : FloorDay(ms) + DayMs;
}
