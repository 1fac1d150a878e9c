using NodaTime;
using ResourceReserver.Contracts;
using ResourceReserver.Scheduling;

namespace ResourceReserver.UnitTests.Scheduling;

/// <summary>A search that consults the memo answers exactly as the plain search, while bookings come and go.</summary>
public sealed class NoFitMemoTests
{
    private static readonly DateTimeOffset Origin = new(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 25)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Memoised_next_available_equals_the_plain_search(int seed)
    {
        var random = new Random(seed);
        var calendar = new ResourceCalendar(
            DateTimeZoneProviders.Tzdb["Europe/London"],
            new BusinessHours { Periods = [.. Enum.GetValues<DayOfWeek>().Select(d => new OpeningPeriod(d, new TimeOnly(8, 0), new TimeOnly(18, 0)))] },
            []);
        var buffers = new Buffers(TimeSpan.FromMinutes(15 * random.Next(0, 2)), TimeSpan.Zero);
        const int capacity = 2;
        var index = new IntervalIndex();
        var ids = new List<Guid>();
        var memo = new NoFitMemo();
        var hits = 0;

        void Book()
        {
            var id = Guid.NewGuid();
            var start = Origin.AddMinutes(30 * random.Next(0, 48 * 20));
            index.Add(id, buffers.Pad(new TimeRange(start, start.AddHours(random.Next(1, 10)))), random.Next(1, capacity + 1));
            ids.Add(id);
        }

        // Nearly full, so many searches find nothing and the memo gets used; bookings still come and go.
        for (var i = 0; i < 150 + (seed * 10); i++)
        {
            Book();
        }

        for (var step = 0; step < 400; step++)
        {
            if (random.Next(15) == 0)
            {
                Book();
            }
            else if (random.Next(15) == 0)
            {
                var gone = ids[random.Next(ids.Count)];
                index.Remove(gone);
                ids.Remove(gone);
            }

            var duration = TimeSpan.FromMinutes(30 * random.Next(1, 4));
            var quantity = random.Next(1, capacity + 1);
            var earliest = Origin.AddMinutes(30 * random.Next(0, 48 * 4));
            var latest = earliest.AddHours(random.Next(0, 30));
            var finder = new SlotFinder(index, calendar, buffers, capacity);

            var plain = finder.NextAvailable(duration, quantity, earliest, latest);
            var key = new MemoKey(index.Version, 1, duration, quantity);
            var covered = memo.Covers(key, earliest, latest);
            hits += covered ? 1 : 0;
            var memoised = covered ? null : finder.NextAvailable(duration, quantity, earliest, latest);
            if (memoised is null)
            {
                memo.Record(key, earliest, latest);
            }

            Assert.Equal(plain, memoised);
        }

        Assert.True(hits > 0, "the memo was never used: the test proves nothing");
    }

    [Fact]
    public void Windows_merge_and_a_new_key_forgets_them()
    {
        var memo = new NoFitMemo();
        var key = new MemoKey(1, 1, TimeSpan.FromHours(1), 1);
        memo.Record(key, Origin, Origin.AddDays(2));
        memo.Record(key, Origin.AddDays(1), Origin.AddDays(4));

        Assert.True(memo.Covers(key, Origin.AddHours(12), Origin.AddDays(3)));
        Assert.False(memo.Covers(key, Origin.AddDays(3), Origin.AddDays(5)));
        Assert.False(memo.Covers(key with { IndexVersion = 2 }, Origin, Origin.AddDays(1)));
        Assert.False(memo.Covers(key with { Quantity = 2 }, Origin, Origin.AddDays(1)));
    }
}
