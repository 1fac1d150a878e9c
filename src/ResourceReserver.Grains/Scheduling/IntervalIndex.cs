using ResourceReserver.Contracts;

namespace ResourceReserver.Scheduling;

/// <summary>
/// The confirmed reservations of one resource, ordered by start. Overlap queries look only at entries that
/// start within the longest known duration before the query, so their cost does not grow with the number of
/// reservations held (O(log n + k)).
/// </summary>
public sealed class IntervalIndex
{
    private static readonly Guid MaxGuid = new("ffffffff-ffff-ffff-ffff-ffffffffffff");
    private readonly SortedSet<IntervalEntry> _byStart = new(IntervalEntry.StartOrder);
    private readonly Dictionary<Guid, IntervalEntry> _byId = [];

    // Only ever grows: a stale (too long) bound widens the scan a little but never misses an overlap.
    private TimeSpan _longest;

    /// <summary>How many entries the index holds.</summary>
    public int Count => _byId.Count;

    /// <summary>Changes with every add, remove or clear: what was learnt about free time holds while it stays.</summary>
    public long Version { get; private set; }

    /// <summary>Adds or replaces an entry.</summary>
    public void Add(Guid id, TimeRange range, int quantity)
    {
        Remove(id);
        Version++;
        var entry = new IntervalEntry(id, range.Start, range.End, quantity);
        _byStart.Add(entry);
        _byId[id] = entry;
        if (range.Duration > _longest)
        {
            _longest = range.Duration;
        }
    }

    /// <summary>Empties the index (after state was re-read).</summary>
    public void Clear()
    {
        Version++;
        _byStart.Clear();
        _byId.Clear();
        _longest = TimeSpan.Zero;
    }

    /// <summary>Removes an entry; false when it was not there.</summary>
    public bool Remove(Guid id)
    {
        if (!_byId.Remove(id, out var entry))
        {
            return false;
        }

        Version++;

        _byStart.Remove(entry);
        return true;
    }

    /// <summary>The entry of an id, if the index holds it.</summary>
    public bool TryGet(Guid id, out IntervalEntry entry) => _byId.TryGetValue(id, out entry);

    /// <summary>Entries sharing at least one instant with the half-open range, ordered by start.</summary>
    public IEnumerable<IntervalEntry> Overlapping(TimeRange range)
    {
        if (_byStart.Count == 0 || range.End <= range.Start)
        {
            yield break;
        }

        var lowerStart = range.Start - _longest;
        var lower = new IntervalEntry(Guid.Empty, lowerStart < DateTimeOffset.MinValue.AddTicks(_longest.Ticks) ? DateTimeOffset.MinValue : lowerStart, default, 0);
        var upper = new IntervalEntry(MaxGuid, range.End.AddTicks(-1), default, 0);
        foreach (var entry in _byStart.GetViewBetween(lower, upper))
        {
            if (entry.End > range.Start)
            {
                yield return entry;
            }
        }
    }

    /// <summary>The largest summed quantity booked at any instant of the range.</summary>
    public int PeakLoad(TimeRange range) => LoadProfile.Peak(Overlapping(range), range);

    /// <summary>True when <paramref name="quantity"/> more fits everywhere in the range without exceeding capacity.</summary>
    public bool CanFit(TimeRange range, int quantity, int capacity) => PeakLoad(range) + quantity <= capacity;
}

/// <summary>One indexed reservation.</summary>
public readonly record struct IntervalEntry(Guid Id, DateTimeOffset Start, DateTimeOffset End, int Quantity)
{
    /// <summary>Orders by start, then id, so equal starts stay distinct in a sorted set.</summary>
    public static IComparer<IntervalEntry> StartOrder { get; } = Comparer<IntervalEntry>.Create((a, b) =>
    {
        var byStart = a.Start.UtcTicks.CompareTo(b.Start.UtcTicks);
        return byStart != 0 ? byStart : a.Id.CompareTo(b.Id);
    });

    /// <summary>The interval the entry occupies.</summary>
    public TimeRange Range => new(Start, End);
}
