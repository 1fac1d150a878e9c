using ResourceReserver.Contracts;
using ResourceReserver.Scheduling;

namespace ResourceReserver.Waitlist;

/// <summary>Finds the earliest slot a waitlist candidate could be offered. Pure: no clock, no I/O.</summary>
public static class OfferSlotSearch
{
    /// <summary>
    /// The earliest window of <paramref name="duration"/> inside <paramref name="range"/> that fits one more unit
    /// and passes <paramref name="bookable"/>; a free window can only start at the range start, at
    /// <paramref name="notBefore"/>, or where an existing entry ends.
    /// </summary>
    public static TimeRange? FirstFit(
        IntervalIndex index, TimeRange range, TimeSpan duration, int capacity, DateTimeOffset notBefore, Func<TimeRange, bool> bookable)
    {
        var earliest = range.Start > notBefore ? range.Start : notBefore;
        var starts = new SortedSet<DateTimeOffset> { earliest };
        foreach (var entry in index.Overlapping(range))
        {
            if (entry.End > earliest)
            {
                starts.Add(entry.End);
            }
        }

        foreach (var start in starts)
        {
            var slot = new TimeRange(start, start + duration);
            if (slot.End > range.End)
            {
                break;
            }

            if (index.CanFit(slot, 1, capacity) && bookable(slot))
            {
                return slot;
            }
        }

        return null;
    }
}
