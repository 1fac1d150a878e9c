namespace ResourceReserver.Scheduling;

/// <summary>
/// Remembers the start windows in which no booking of one length and quantity fits, while nothing that decides
/// fit has changed (the interval index's and the resource's versions). On a fully booked resource every refusal
/// searches two weeks for suggestions and finds none; after a few refusals the memo covers the bookable range and
/// a refusal no longer searches at all. Only "nothing fits" is remembered: a found slot is always searched for.
/// </summary>
public sealed class NoFitMemo
{
    // Beyond this many disjoint windows the memo starts afresh, so it stays small whatever is asked.
    private const int MaxWindows = 256;

    private readonly List<TimeRange> _windows = [];
    private MemoKey _key;

    /// <summary>True when no start in [earliest, latest] fits, as learnt under the same key.</summary>
    public bool Covers(MemoKey key, DateTimeOffset earliest, DateTimeOffset latest) =>
        key == _key && _windows.Any(w => w.Start <= earliest && latest <= w.End);

    /// <summary>Records that no start in [earliest, latest] fits; merges with touching or overlapping windows.</summary>
    public void Record(MemoKey key, DateTimeOffset earliest, DateTimeOffset latest)
    {
        if (key != _key || _windows.Count >= MaxWindows)
        {
            _key = key;
            _windows.Clear();
        }

        var merged = new TimeRange(earliest, latest);
        foreach (var window in _windows.Where(w => w.Start <= merged.End && merged.Start <= w.End).ToList())
        {
            merged = new TimeRange(Min(window.Start, merged.Start), Max(window.End, merged.End));
            _windows.Remove(window);
        }

        _windows.Add(merged);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}

/// <summary>What a <see cref="NoFitMemo"/> entry is valid for.</summary>
public readonly record struct MemoKey(long IndexVersion, long ResourceVersion, TimeSpan Duration, int Quantity);
