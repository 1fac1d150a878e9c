using ResourceReserver.Contracts;
using ResourceReserver.Scheduling;

namespace ResourceReserver.UnitTests.Scheduling;

/// <summary>
/// A brute-force model of a resource's bookings at minute granularity, kept in step with an
/// <see cref="IntervalIndex"/> so every answer of the index can be checked against plain loops.
/// </summary>
internal sealed class BookingOracle
{
    public static readonly DateTimeOffset Origin = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan[] _offsets = [TimeSpan.Zero, TimeSpan.FromHours(2), TimeSpan.FromHours(-5), TimeSpan.FromMinutes(330)];

    private readonly Dictionary<Guid, (int Start, int End, int Quantity)> _entries = [];
    private readonly Random _random;

    public BookingOracle(int seed) => _random = new Random(seed);

    public IntervalIndex Index { get; } = new();

    public Random Random => _random;

    public IReadOnlyDictionary<Guid, (int Start, int End, int Quantity)> Entries => _entries;

    /// <summary>An instant <paramref name="minute"/> minutes after the origin, in a random UTC offset.</summary>
    public DateTimeOffset At(int minute) => Origin.AddMinutes(minute).ToOffset(_offsets[_random.Next(_offsets.Length)]);

    public TimeRange Range(int start, int end) => new(At(start), At(end));

    /// <summary>Random adds, replacements and removes, applied to both the index and the model.</summary>
    public void Mutate(int steps, int span, int maxLength, int maxQuantity)
    {
        for (var i = 0; i < steps; i++)
        {
            var roll = _random.Next(10);
            if (roll < 2 && _entries.Count > 0)
            {
                var victim = _entries.Keys.ElementAt(_random.Next(_entries.Count));
                Assert.True(Index.Remove(victim));
                _entries.Remove(victim);
            }
            else if (roll < 3 && _entries.Count > 0)
            {
                // Re-adding an existing id replaces it.
                var id = _entries.Keys.ElementAt(_random.Next(_entries.Count));
                AddEntry(id, span, maxLength, maxQuantity);
            }
            else
            {
                AddEntry(Guid.NewGuid(), span, maxLength, maxQuantity);
            }
        }

        Assert.Equal(_entries.Count, Index.Count);
    }

    public (int Start, int End) RandomWindow(int span, int maxLength)
    {
        var start = _random.Next(-10, span);
        return (start, start + 1 + _random.Next(maxLength));
    }

    public int LoadAt(int minute) => _entries.Values.Where(e => e.Start <= minute && minute < e.End).Sum(e => e.Quantity);

    public int Peak(int start, int end) => Enumerable.Range(start, end - start).Select(LoadAt).DefaultIfEmpty(0).Max();

    public HashSet<Guid> Overlapping(int start, int end) =>
        _entries.Where(e => e.Value.Start < end && e.Value.End > start).Select(e => e.Key).ToHashSet();

    public int MinuteOf(DateTimeOffset instant)
    {
        var minutes = (instant - Origin).TotalMinutes;
        Assert.Equal(Math.Floor(minutes), minutes);
        return (int)minutes;
    }

    private void AddEntry(Guid id, int span, int maxLength, int maxQuantity)
    {
        var start = _random.Next(span);
        var end = start + 1 + _random.Next(maxLength);
        var quantity = 1 + _random.Next(maxQuantity);
        Index.Add(id, Range(start, end), quantity);
        _entries[id] = (start, end, quantity);
    }
}
