using ResourceReserver.Contracts;

namespace ResourceReserver.Scheduling;

/// <summary>Derives busy (capacity exhausted) and free intervals from an index.</summary>
public static class FreeTime
{
    /// <summary>Busy intervals (load at capacity) and the free gaps between them, within the window.</summary>
    public static (IReadOnlyList<(TimeRange Range, IReadOnlyList<Guid> Ids)> Busy, IReadOnlyList<TimeRange> Free) Split(
        IntervalIndex index, TimeRange window, int capacity)
    {
        var overlapping = index.Overlapping(window).ToList();
        var busy = new List<(TimeRange, IReadOnlyList<Guid>)>();
        foreach (var (start, end, load) in LoadProfile.Segments(overlapping, window))
        {
            if (load < capacity)
            {
                continue;
            }

            var ids = overlapping.Where(e => e.Start < end && e.End > start).Select(e => e.Id);
            if (busy.Count > 0 && busy[^1].Item1.End == start)
            {
                var (previous, previousIds) = busy[^1];
                busy[^1] = (new TimeRange(previous.Start, end), previousIds.Union(ids).ToList());
            }
            else
            {
                busy.Add((new TimeRange(start, end), ids.ToList()));
            }
        }

        var free = new List<TimeRange>();
        var cursor = window.Start;
        foreach (var (range, _) in busy)
        {
            if (range.Start > cursor)
            {
                free.Add(new TimeRange(cursor, range.Start));
            }

            cursor = range.End;
        }

        if (cursor < window.End)
        {
            free.Add(new TimeRange(cursor, window.End));
        }

        return (busy, free);
    }

    /// <summary>
    /// Up to <paramref name="count"/> start times at or after the requested start where a booking of the
    /// same length and quantity fits; candidates are the request itself and the ends of blocking reservations.
    /// </summary>
    public static IReadOnlyList<TimeRange> Suggest(IntervalIndex index, TimeRange requested, int quantity, int capacity, DateTimeOffset latestStart, int count = 3)
    {
        var duration = requested.Duration;
        var searchWindow = new TimeRange(requested.Start, Min(latestStart + duration, requested.Start + TimeSpan.FromDays(14)));
        var candidates = index.Overlapping(searchWindow)
            .Select(e => e.End)
            .Where(end => end > requested.Start && end <= latestStart)
            .Distinct()
            .Order()
            .Take(500);
        var found = new List<TimeRange>();
        foreach (var start in candidates)
        {
            var range = new TimeRange(start, start + duration);
            if (index.CanFit(range, quantity, capacity) && (found.Count == 0 || !found[^1].Overlaps(range)))
            {
                found.Add(range);
                if (found.Count == count)
                {
                    break;
                }
            }
        }

        return found;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
