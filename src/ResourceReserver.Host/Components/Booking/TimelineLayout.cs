using ResourceReserver.Contracts;
using ResourceReserver.Host.Components.Time;

namespace ResourceReserver.Host.Components.Booking;

/// <summary>What a block on the timeline shows.</summary>
public enum TimelineKind
{
    Free,
    Busy,
}

/// <summary>
/// One block: its day column, its position as percentages of the visible hours, the range it stands for (cut at
/// midnight) and the part of it inside the visible hours.
/// </summary>
public sealed record TimelineBlock(int Day, double Top, double Height, TimelineKind Kind, TimeRange Range, TimeRange Shown);

/// <summary>
/// Lays busy and free time out on a day or week grid in the resource's time zone: one column per local date, each
/// range cut at midnight so it sits in the right columns, free time only inside the opening hours, and the visible
/// hours spanning the opening hours (07:00–21:00 for a resource open around the clock) and every busy block, at
/// least <see cref="MinimumSpan"/> hours.
/// </summary>
public sealed class TimelineLayout
{
    /// <summary>Fewest hours shown, so an almost empty day still reads as a day.</summary>
    public const int MinimumSpan = 8;

    private TimelineLayout(IReadOnlyList<DateOnly> days, int firstHour, int lastHour, IReadOnlyList<TimelineBlock> blocks)
    {
        Days = days;
        FirstHour = firstHour;
        LastHour = lastHour;
        Blocks = blocks;
    }

    public IReadOnlyList<DateOnly> Days { get; }

    /// <summary>The first local hour shown (0–23).</summary>
    public int FirstHour { get; }

    /// <summary>The hour the grid ends at (1–24).</summary>
    public int LastHour { get; }

    public IReadOnlyList<TimelineBlock> Blocks { get; }

    /// <summary>The hours labelled on the side, first to last.</summary>
    public IEnumerable<int> Hours => Enumerable.Range(FirstHour, LastHour - FirstHour + 1);

    /// <summary>Where an hour line sits, as a percentage from the top.</summary>
    public double HourOffset(int hour) => (hour - FirstHour) * 100.0 / (LastHour - FirstHour);

    /// <summary>Lays out <paramref name="busy"/> and <paramref name="free"/> over <paramref name="days"/>; no openings means always open.</summary>
    public static TimelineLayout Build(
        IReadOnlyList<DateOnly> days, ZonedTime zone, IEnumerable<TimeRange> busy, IEnumerable<TimeRange> free, IReadOnlyList<OpeningPeriod>? openings = null)
    {
        // Midnight to midnight every day (BusinessHours.AlwaysOpen) frames like no hours at all.
        var alwaysOpen = openings is not { Count: > 0 } || openings.All(p => p.Opens == TimeOnly.MinValue && p.Closes == TimeOnly.MinValue);
        var busyList = busy.ToList();
        var freeList = free.ToList();
        var pieces = new List<(int Day, TimelineKind Kind, TimeRange Range)>();
        for (var day = 0; day < days.Count; day++)
        {
            var dayRange = new TimeRange(zone.StartOfDay(days[day]), zone.StartOfDay(days[day].AddDays(1)));
            pieces.AddRange(busyList.Select(r => Clip(r, dayRange)).OfType<TimeRange>().Select(r => (day, TimelineKind.Busy, r)));
            var open = alwaysOpen
                ? [dayRange]
                : openings!.Where(p => p.Day == days[day].DayOfWeek).Select(p => new TimeRange(
                    zone.ToInstant(days[day].ToDateTime(p.Opens)),
                    p.Closes == TimeOnly.MinValue ? dayRange.End : zone.ToInstant(days[day].ToDateTime(p.Closes)))).ToList();
            foreach (var period in open)
            {
                pieces.AddRange(freeList.Select(r => Clip(r, period)).OfType<TimeRange>().Select(r => (day, TimelineKind.Free, r)));
            }
        }

        var opening = alwaysOpen
            ? (7, 21)
            : (openings!.Min(p => p.Opens.Hour), openings!.Max(p => p.Closes == TimeOnly.MinValue ? 24 : p.Closes.Minute > 0 ? p.Closes.Hour + 1 : p.Closes.Hour));
        var (first, last) = VisibleHours(pieces.Where(p => p.Kind == TimelineKind.Busy).Select(p => p.Range), zone, opening);
        var blocks = new List<TimelineBlock>();
        foreach (var (day, kind, range) in pieces)
        {
            var windowStart = zone.ToInstant(days[day].ToDateTime(new TimeOnly(first, 0)));
            var windowEnd = last == 24 ? zone.StartOfDay(days[day].AddDays(1)) : zone.ToInstant(days[day].ToDateTime(new TimeOnly(last, 0)));
            var start = range.Start > windowStart ? range.Start : windowStart;
            var end = range.End < windowEnd ? range.End : windowEnd;
            if (start >= end)
            {
                continue;
            }

            var span = (windowEnd - windowStart).TotalMinutes;
            blocks.Add(new TimelineBlock(day, (start - windowStart).TotalMinutes * 100 / span, (end - start).TotalMinutes * 100 / span, kind, range, new TimeRange(start, end)));
        }

        return new TimelineLayout(days, first, last, blocks);
    }

    private static TimeRange? Clip(TimeRange range, TimeRange window)
    {
        var start = range.Start > window.Start ? range.Start : window.Start;
        var end = range.End < window.End ? range.End : window.End;
        return start < end ? new TimeRange(start, end) : null;
    }

    private static (int First, int Last) VisibleHours(IEnumerable<TimeRange> ranges, ZonedTime zone, (int First, int Last) opening)
    {
        int? first = opening.First, last = opening.Last;
        foreach (var range in ranges)
        {
            var start = zone.Local(range.Start);
            var end = zone.Local(range.End);
            var startHour = start.Hour;
            var endHour = end.Date > start.Date ? 24 : end.Minute > 0 ? end.Hour + 1 : end.Hour;
            first = Math.Min(first ?? 24, startHour);
            last = Math.Max(last ?? 0, endHour);
        }

        var (from, until) = (first ?? 8, Math.Max(last ?? 18, (first ?? 8) + 1));
        while (until - from < MinimumSpan)
        {
            if (until < 24)
            {
                until++;
            }

            if (until - from < MinimumSpan && from > 0)
            {
                from--;
            }
        }

        return (from, until);
    }
}
