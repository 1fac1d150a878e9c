using NodaTime;
using ResourceReserver.Contracts;
using ResourceReserver.Scheduling;

namespace ResourceReserver.UnitTests.Scheduling;

/// <summary>Business hours, blackouts, buffers and next-available against minute-by-minute brute force.</summary>
public sealed class CalendarPropertyTests
{
    private static readonly string[] Zones = ["UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe"];

    // Spans both 2027 DST changes of the northern zones.
    private static readonly Instant Origin = Instant.FromUtc(2027, 3, 10, 0, 0);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Check_agrees_with_a_minute_by_minute_oracle(int seed)
    {
        var random = new Random(seed);
        var calendar = RandomCalendar(random, out var hours, out var blackouts);
        for (var i = 0; i < 200; i++)
        {
            var start = Origin.Plus(Duration.FromMinutes(random.Next(0, 60 * 24 * 30) / 15 * 15));
            var end = start.Plus(Duration.FromMinutes(15 * random.Next(1, 4 * 30)));
            var range = new TimeRange(start.ToDateTimeOffset(), end.ToDateTimeOffset());

            var expected = OracleCheck(calendar.Zone, hours, blackouts, start, end);

            Assert.Equal(expected, calendar.Check(range)?.Code);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Next_available_is_the_earliest_minute_that_fits(int seed)
    {
        var random = new Random(seed);
        var calendar = RandomCalendar(random, out _, out _);
        var capacity = random.Next(1, 4);
        var buffers = new Buffers(TimeSpan.FromMinutes(15 * random.Next(0, 3)), TimeSpan.FromMinutes(15 * random.Next(0, 3)));
        var index = new IntervalIndex();
        var booked = new List<(Instant Start, Instant End, int Quantity)>();
        for (var i = 0; i < random.Next(0, 40); i++)
        {
            var start = Origin.Plus(Duration.FromMinutes(15 * random.Next(0, 4 * 24 * 6)));
            var end = start.Plus(Duration.FromMinutes(15 * random.Next(1, 16)));
            var quantity = random.Next(1, capacity + 1);
            booked.Add((start, end, quantity));
            index.Add(Guid.NewGuid(), buffers.Pad(new TimeRange(start.ToDateTimeOffset(), end.ToDateTimeOffset())), quantity);
        }

        var duration = TimeSpan.FromMinutes(15 * random.Next(1, 12));
        var want = random.Next(1, capacity + 1);
        var earliest = Origin.Plus(Duration.FromMinutes(15 * random.Next(0, 4 * 24 * 3)));
        var latest = earliest.Plus(Duration.FromDays(5));

        var found = new SlotFinder(index, calendar, buffers, capacity).NextAvailable(duration, want, earliest.ToDateTimeOffset(), latest.ToDateTimeOffset());

        DateTimeOffset? expected = null;
        for (var s = earliest; s <= latest; s = s.Plus(Duration.FromMinutes(1)))
        {
            var range = new TimeRange(s.ToDateTimeOffset(), s.ToDateTimeOffset() + duration);
            if (calendar.Check(range) is null && FitsByBruteForce(booked, buffers, range, want, capacity))
            {
                expected = range.Start;
                break;
            }
        }

        Assert.Equal(expected, found?.Start);
    }

    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 40));

    private static ResourceCalendar RandomCalendar(Random random, out BusinessHours hours, out HashSet<LocalDate> blackouts)
    {
        var periods = new List<OpeningPeriod>();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var roll = random.Next(4);
            if (roll == 0)
            {
                continue;
            }

            if (roll == 1)
            {
                periods.Add(new OpeningPeriod(day, TimeOnly.MinValue, TimeOnly.MinValue));
                continue;
            }

            var opens = random.Next(0, 12);
            var closes = random.Next(opens + 1, 25);
            periods.Add(new OpeningPeriod(day, new TimeOnly(opens, 0), closes == 24 ? TimeOnly.MinValue : new TimeOnly(closes, 0)));
        }

        hours = new BusinessHours { Periods = periods };
        blackouts = Enumerable.Range(0, random.Next(0, 4)).Select(_ => new LocalDate(2027, 3, 10).PlusDays(random.Next(0, 30))).ToHashSet();
        var zone = DateTimeZoneProviders.Tzdb[Zones[random.Next(Zones.Length)]];
        return new ResourceCalendar(zone, hours, blackouts.Select(d => d.ToDateOnly()));
    }

    private static string? OracleCheck(DateTimeZone zone, BusinessHours hours, HashSet<LocalDate> blackouts, Instant start, Instant end)
    {
        var open = true;
        for (var t = start; t < end; t = t.Plus(Duration.FromMinutes(1)))
        {
            var local = t.InZone(zone).LocalDateTime;
            if (blackouts.Contains(local.Date))
            {
                return "blackout_date";
            }

            var time = local.TimeOfDay.ToTimeOnly();
            open &= hours.Periods.Any(p => p.Day == BclDay(local.DayOfWeek) && time >= p.Opens && (p.Closes == TimeOnly.MinValue || time < p.Closes));
        }

        return open ? null : "outside_business_hours";
    }

    private static DayOfWeek BclDay(IsoDayOfWeek day) => day == IsoDayOfWeek.Sunday ? DayOfWeek.Sunday : (DayOfWeek)(int)day;

    private static bool FitsByBruteForce(List<(Instant Start, Instant End, int Quantity)> booked, Buffers buffers, TimeRange range, int quantity, int capacity)
    {
        var padded = buffers.Pad(range);
        for (var t = padded.Start; t < padded.End; t = t.AddMinutes(1))
        {
            var load = booked.Where(b => buffers.Pad(new TimeRange(b.Start.ToDateTimeOffset(), b.End.ToDateTimeOffset())) is var p && p.Start <= t && t < p.End).Sum(b => b.Quantity);
            if (load + quantity > capacity)
            {
                return false;
            }
        }

        return true;
    }
}
