namespace ResourceReserver.Scheduling;

/// <summary>Where a booking of a given length and quantity fits, inside opening hours. Pure.</summary>
public sealed class SlotFinder(IntervalIndex index, ResourceCalendar calendar, Buffers buffers, int capacity)
{
    /// <summary>
    /// Back-to-back slots of <paramref name="duration"/> from the start of each opening period of the local
    /// date, the free ones only, starting no earlier than <paramref name="earliest"/>. A DST day has one
    /// slot more or less because slots step in elapsed time.
    /// </summary>
    public IReadOnlyList<TimeRange> SlotsOn(NodaTime.LocalDate date, TimeSpan duration, int quantity, DateTimeOffset earliest, DateTimeOffset latest)
    {
        var slots = new List<TimeRange>();
        foreach (var open in calendar.OpenOn(date))
        {
            for (var start = open.Start; start + duration <= open.End; start += duration)
            {
                var slot = new TimeRange(start, start + duration);
                if (start >= earliest && start <= latest && Fits(slot, quantity))
                {
                    slots.Add(slot);
                }
            }
        }

        return slots;
    }

    /// <summary>The earliest free range of <paramref name="duration"/> starting in [earliest, latest], or null.</summary>
    public TimeRange? NextAvailable(TimeSpan duration, int quantity, DateTimeOffset earliest, DateTimeOffset latest)
    {
        var firstDate = calendar.DateOf(earliest);
        var lastDate = calendar.DateOf(latest);
        for (var date = firstDate; date <= lastDate; date = date.PlusDays(1))
        {
            var day = new TimeRange(calendar.ToInstant(date.AtMidnight()), calendar.ToInstant(date.PlusDays(1).AtMidnight()));

            // Reaching past midnight lets a booking run on into the next day's opening hours.
            foreach (var open in calendar.OpenDuring(new TimeRange(day.Start, day.End + duration)).Where(o => o.Start < day.End))
            {
                if (FirstFit(open, duration, quantity, earliest, latest) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private TimeRange? FirstFit(TimeRange open, TimeSpan duration, int quantity, DateTimeOffset earliest, DateTimeOffset latest)
    {
        var from = open.Start > earliest ? open.Start : earliest;
        var lastStart = open.End - duration < latest ? open.End - duration : latest;
        if (from > lastStart)
        {
            return null;
        }

        // Fit only changes where a blocking booking (with its buffer) ends, so those are the only candidates.
        var candidates = index.Overlapping(new TimeRange(from - buffers.Before, lastStart + duration + buffers.After))
            .Select(e => e.End + buffers.Before)
            .Where(s => s > from && s <= lastStart)
            .Prepend(from)
            .Distinct()
            .Order();
        foreach (var start in candidates)
        {
            var range = new TimeRange(start, start + duration);
            if (Fits(range, quantity))
            {
                return range;
            }
        }

        return null;
    }

    private bool Fits(TimeRange range, int quantity) => index.CanFit(buffers.Pad(range), quantity, capacity);
}
