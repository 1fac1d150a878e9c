using NodaTime;
using ResourceReserver.Contracts;
using ResourceReserver.Infrastructure.Analytics;
using ResourceReserver.Scheduling;

namespace ResourceReserver.Host.Analytics;

/// <summary>
/// The time arithmetic analytics leaves to C#: a resource's opening hours inside a window (its own weekly hours or the
/// global default, open around the clock when neither is set; blackout dates closed), evaluated in its own zone through
/// <see cref="ResourceCalendar"/>, so days that gain or lose an hour to DST count what the clock really showed; and a
/// zone's UTC offsets over a window, which turn local weekdays and hours into plain arithmetic in SQL.
/// </summary>
public static class OpenHours
{
    /// <summary>Milliseconds the resource is open inside the window (not yet multiplied by capacity).</summary>
    public static long OpenMs(ResourceDetails details, SchedulingDefaults defaults, DateTimeOffset from, DateTimeOffset until)
    {
        var calendar = ResourceCalendar.For(details, defaults);
        long open = 0;
        foreach (var range in calendar.OpenDuring(new TimeRange(from, until)))
        {
            var start = range.Start > from ? range.Start : from;
            var end = range.End < until ? range.End : until;
            if (end > start)
            {
                open += end.ToUnixTimeMilliseconds() - start.ToUnixTimeMilliseconds();
            }
        }

        return open;
    }

    /// <summary>The zone's offsets over the window, in order; the last stretch reaches <paramref name="until"/>.</summary>
    public static IReadOnlyList<OffsetSpan> Offsets(DateTimeZone zone, DateTimeOffset from, DateTimeOffset until)
    {
        var end = Instant.FromDateTimeOffset(until);
        var spans = new List<OffsetSpan>();
        foreach (var interval in zone.GetZoneIntervals(Instant.FromDateTimeOffset(from), end))
        {
            var stretchEnd = interval.HasEnd && interval.End < end ? interval.End : end;
            spans.Add(new OffsetSpan(stretchEnd.ToUnixTimeMilliseconds(), (long)interval.WallOffset.Milliseconds));
        }

        return spans.Count > 0 ? spans : [new OffsetSpan(end.ToUnixTimeMilliseconds(), 0)];
    }
}
