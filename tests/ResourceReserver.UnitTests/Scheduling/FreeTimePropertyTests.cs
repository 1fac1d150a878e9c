using FsCheck.Xunit;
using ResourceReserver.Contracts;
using ResourceReserver.Scheduling;

namespace ResourceReserver.UnitTests.Scheduling;

/// <summary>Busy/free splitting and suggestions, checked minute by minute against the brute-force oracle.</summary>
public sealed class FreeTimePropertyTests
{
    [Property(MaxTest = 300)]
    public void Split_partitions_the_window_with_busy_exactly_where_load_reaches_capacity(int seed)
    {
        var oracle = new BookingOracle(seed);
        oracle.Mutate(oracle.Random.Next(0, 40), span: 300, maxLength: 90, maxQuantity: 3);
        var capacity = 1 + oracle.Random.Next(5);
        var (windowStart, windowEnd) = oracle.RandomWindow(300, 200);

        var (busy, free) = FreeTime.Split(oracle.Index, oracle.Range(windowStart, windowEnd), capacity);

        var pieces = busy.Select(b => (Start: oracle.MinuteOf(b.Range.Start), End: oracle.MinuteOf(b.Range.End), Busy: true))
            .Concat(free.Select(f => (Start: oracle.MinuteOf(f.Start), End: oracle.MinuteOf(f.End), Busy: false)))
            .OrderBy(p => p.Start)
            .ToList();

        // No gaps, no overlaps, nothing empty: the pieces tile the window exactly.
        Assert.NotEmpty(pieces);
        Assert.Equal(windowStart, pieces[0].Start);
        Assert.Equal(windowEnd, pieces[^1].End);
        for (var i = 0; i < pieces.Count; i++)
        {
            Assert.True(pieces[i].Start < pieces[i].End, $"empty piece {pieces[i]}");
            if (i > 0)
            {
                Assert.Equal(pieces[i - 1].End, pieces[i].Start);

                // Maximal pieces: two busy (or two free) pieces never touch.
                Assert.NotEqual(pieces[i - 1].Busy, pieces[i].Busy);
            }

            for (var minute = pieces[i].Start; minute < pieces[i].End; minute++)
            {
                Assert.Equal(oracle.LoadAt(minute) >= capacity, pieces[i].Busy);
            }
        }
    }

    [Property(MaxTest = 200)]
    public void Split_lists_under_each_busy_interval_exactly_the_reservations_overlapping_it(int seed)
    {
        var oracle = new BookingOracle(seed);
        oracle.Mutate(oracle.Random.Next(0, 40), span: 300, maxLength: 90, maxQuantity: 2);
        var capacity = 1 + oracle.Random.Next(3);
        var (windowStart, windowEnd) = oracle.RandomWindow(300, 200);

        var (busy, _) = FreeTime.Split(oracle.Index, oracle.Range(windowStart, windowEnd), capacity);

        foreach (var (range, ids) in busy)
        {
            var expected = oracle.Overlapping(oracle.MinuteOf(range.Start), oracle.MinuteOf(range.End));
            Assert.Equal(expected.Order(), ids.Order());
        }
    }

    [Property(MaxTest = 300)]
    public void Suggest_returns_only_ranges_that_fit_start_after_the_request_and_keep_its_length(int seed)
    {
        var oracle = new BookingOracle(seed);
        oracle.Mutate(oracle.Random.Next(1, 50), span: 300, maxLength: 60, maxQuantity: 3);
        var capacity = 1 + oracle.Random.Next(4);
        var quantity = 1 + oracle.Random.Next(capacity);
        var (start, end) = oracle.RandomWindow(300, 60);
        var latestStart = start + oracle.Random.Next(400);

        var suggestions = FreeTime.Suggest(oracle.Index, oracle.Range(start, end), quantity, capacity, oracle.At(latestStart));

        Assert.True(suggestions.Count <= 3);
        TimeRange? previous = null;
        foreach (var range in suggestions)
        {
            var (s, e) = (oracle.MinuteOf(range.Start), oracle.MinuteOf(range.End));
            Assert.True(s >= start, $"suggestion {s} starts before the request {start}");
            Assert.True(s <= latestStart, $"suggestion {s} starts after the latest start {latestStart}");
            Assert.Equal(end - start, e - s);
            Assert.True(oracle.Peak(s, e) + quantity <= capacity, $"suggestion [{s},{e}) does not fit");
            Assert.True(previous is null || (previous.Value.End <= range.Start), "suggestions overlap or are unordered");
            previous = range;
        }
    }

    [Property(MaxTest = 200)]
    public void Suggest_finds_a_slot_whenever_one_opens_at_the_end_of_a_reservation(int seed)
    {
        var oracle = new BookingOracle(seed);
        oracle.Mutate(oracle.Random.Next(1, 30), span: 300, maxLength: 60, maxQuantity: 2);
        var capacity = 1 + oracle.Random.Next(3);
        var (start, end) = oracle.RandomWindow(300, 60);
        var latestStart = start + 500;

        var fitsSomewhere = oracle.Entries.Values
            .Select(x => x.End)
            .Where(x => x > start && x <= latestStart)
            .Any(x => oracle.Peak(x, x + (end - start)) + 1 <= capacity);

        var suggestions = FreeTime.Suggest(oracle.Index, oracle.Range(start, end), 1, capacity, oracle.At(latestStart));

        Assert.Equal(fitsSomewhere, suggestions.Count > 0);
    }

    [Fact]
    public void Split_of_an_empty_index_is_one_free_range()
    {
        var window = new TimeRange(BookingOracle.Origin, BookingOracle.Origin.AddDays(1));

        var (busy, free) = FreeTime.Split(new IntervalIndex(), window, 1);

        Assert.Empty(busy);
        Assert.Equal([window], free);
    }

    [Fact]
    public void Split_merges_back_to_back_full_bookings_into_one_busy_interval()
    {
        var index = new IntervalIndex();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var origin = BookingOracle.Origin;
        index.Add(a, new TimeRange(origin.AddHours(1), origin.AddHours(2)), 1);
        index.Add(b, new TimeRange(origin.AddHours(2), origin.AddHours(3)), 1);

        var (busy, free) = FreeTime.Split(index, new TimeRange(origin, origin.AddHours(4)), 1);

        var single = Assert.Single(busy);
        Assert.Equal(new TimeRange(origin.AddHours(1), origin.AddHours(3)), single.Range);
        Assert.Equal(new[] { a, b }.Order(), single.Ids.Order());
        Assert.Equal([new TimeRange(origin, origin.AddHours(1)), new TimeRange(origin.AddHours(3), origin.AddHours(4))], free);
    }

    [Fact]
    public void Suggest_offers_the_slot_right_after_the_blocking_reservation()
    {
        var index = new IntervalIndex();
        var origin = BookingOracle.Origin;
        index.Add(Guid.NewGuid(), new TimeRange(origin.AddHours(9), origin.AddHours(10)), 1);

        var suggestions = FreeTime.Suggest(index, new TimeRange(origin.AddHours(9.5), origin.AddHours(10.5)), 1, 1, origin.AddDays(30));

        Assert.Equal([new TimeRange(origin.AddHours(10), origin.AddHours(11))], suggestions);
    }
}
