using ResourceReserver.Contracts;

namespace ResourceReserver.Scheduling;

/// <summary>Sweeps over reservations clipped to a window to find how much capacity is in use when.</summary>
public static class LoadProfile
{
    /// <summary>The highest summed quantity at any instant of the window.</summary>
    public static int Peak(IEnumerable<IntervalEntry> entries, TimeRange window)
    {
        var peak = 0;
        foreach (var (_, _, load) in Segments(entries, window))
        {
            peak = Math.Max(peak, load);
        }

        return peak;
    }

    /// <summary>
    /// The window cut into consecutive pieces of constant load (only pieces with load above zero), in order.
    /// Ends are processed before starts at the same instant: intervals are half-open, so back-to-back
    /// bookings never count as overlapping.
    /// </summary>
    public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End, int Load)> Segments(IEnumerable<IntervalEntry> entries, TimeRange window)
    {
        var changes = new List<(long Ticks, int Delta)>();
        foreach (var entry in entries)
        {
            var start = Max(entry.Start, window.Start);
            var end = Min(entry.End, window.End);
            if (start < end)
            {
                changes.Add((start.UtcTicks, entry.Quantity));
                changes.Add((end.UtcTicks, -entry.Quantity));
            }
        }

        changes.Sort((a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.Delta.CompareTo(b.Delta));
        var load = 0;
        for (var i = 0; i < changes.Count; i++)
        {
            load += changes[i].Delta;
            if (i + 1 < changes.Count && changes[i + 1].Ticks > changes[i].Ticks && load > 0)
            {
                yield return (new DateTimeOffset(changes[i].Ticks, TimeSpan.Zero), new DateTimeOffset(changes[i + 1].Ticks, TimeSpan.Zero), load);
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
