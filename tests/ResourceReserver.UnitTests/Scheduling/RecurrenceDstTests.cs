using NodaTime;
using ResourceReserver.Contracts;
using ResourceReserver.Scheduling;

namespace ResourceReserver.UnitTests.Scheduling;

public sealed class RecurrenceDstTests
{
    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Europe/London")]
    public void Weekly_0900_stays_0900_local_across_both_DST_changes(string zoneId)
    {
        var calendar = CalendarIn(zoneId);
        var first = Local(calendar, 2027, 1, 4, 9, 0);

        var series = RecurrenceExpander.Expand("FREQ=WEEKLY;BYDAY=MO;COUNT=52", new TimeRange(first, first.AddHours(1)), calendar);

        Assert.True(series.IsSuccess, series.Error?.Message);
        Assert.Equal(52, series.Value!.Count);
        var offsets = new HashSet<TimeSpan>();
        foreach (var occurrence in series.Value)
        {
            var local = Instant.FromDateTimeOffset(occurrence.Start).InZone(calendar.Zone);
            Assert.Equal(new LocalTime(9, 0), local.TimeOfDay);
            Assert.Equal(IsoDayOfWeek.Monday, local.DayOfWeek);
            Assert.Equal(TimeSpan.FromHours(1), occurrence.Duration);
            offsets.Add(local.Offset.ToTimeSpan());
        }

        // Both standard and summer time were crossed: the UTC instant moved, the wall clock did not.
        Assert.Equal(2, offsets.Count);
    }

    [Fact]
    public void Monthly_on_the_31st_follows_the_RRULE_without_drifting()
    {
        var calendar = CalendarIn("Europe/London");
        var first = Local(calendar, 2027, 1, 31, 18, 0);

        var series = RecurrenceExpander.Expand("FREQ=MONTHLY;COUNT=7", new TimeRange(first, first.AddHours(2)), calendar);

        // RFC 5545: months without a 31st are skipped, never moved to the 30th or 28th.
        var dates = series.Value!.Select(o => Instant.FromDateTimeOffset(o.Start).InZone(calendar.Zone).LocalDateTime).ToList();
        Assert.Equal(
            ["2027-01-31", "2027-03-31", "2027-05-31", "2027-07-31", "2027-08-31", "2027-10-31", "2027-12-31"],
            dates.Select(d => d.Date.ToString("yyyy-MM-dd", null)));
        Assert.All(dates, d => Assert.Equal(new LocalTime(18, 0), d.TimeOfDay));
    }

    [Fact]
    public void Monthly_BYMONTHDAY_minus_one_gives_the_last_day_of_each_month()
    {
        var calendar = CalendarIn("America/New_York");
        var first = Local(calendar, 2027, 1, 31, 9, 0);

        var series = RecurrenceExpander.Expand("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3", new TimeRange(first, first.AddHours(1)), calendar);

        Assert.Equal([31, 28, 31], series.Value!.Select(o => Instant.FromDateTimeOffset(o.Start).InZone(calendar.Zone).Day));
    }

    [Theory]
    [InlineData("FREQ=DAILY", "series_too_long")]
    [InlineData("FREQ=DAILY;COUNT=366", "series_too_long")]
    [InlineData("FREQ=SOMETIMES", "invalid_rrule")]
    [InlineData("", "invalid_rrule")]
    public void Unbounded_oversized_and_unreadable_rules_are_refused(string rule, string code)
    {
        var calendar = CalendarIn("UTC");
        var first = Local(calendar, 2027, 1, 4, 9, 0);

        var series = RecurrenceExpander.Expand(rule, new TimeRange(first, first.AddHours(1)), calendar);

        Assert.Equal(code, series.Error?.Code);
    }

    [Fact]
    public void At_most_365_occurrences_are_accepted()
    {
        var calendar = CalendarIn("UTC");
        var first = Local(calendar, 2027, 1, 4, 9, 0);

        Assert.Equal(365, RecurrenceExpander.Expand("FREQ=DAILY;COUNT=365", new TimeRange(first, first.AddHours(1)), calendar).Value!.Count);
    }

    [Theory]
    [InlineData("America/New_York", 2027, 3, 14, 23)]
    [InlineData("America/New_York", 2027, 11, 7, 25)]
    [InlineData("Europe/London", 2027, 3, 28, 23)]
    [InlineData("Europe/London", 2027, 10, 31, 25)]
    [InlineData("Europe/London", 2027, 6, 1, 24)]
    public void Hourly_slots_on_a_DST_day_follow_the_length_of_the_day(string zoneId, int year, int month, int day, int expected)
    {
        var finder = new SlotFinder(new IntervalIndex(), CalendarIn(zoneId), default, capacity: 1);

        var slots = finder.SlotsOn(new LocalDate(year, month, day), TimeSpan.FromHours(1), 1, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

        Assert.Equal(expected, slots.Count);
    }

    [Fact]
    public void Slots_respect_business_hours_and_bookings()
    {
        var hours = new BusinessHours { Periods = [new OpeningPeriod(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0))] };
        var calendar = new ResourceCalendar(DateTimeZoneProviders.Tzdb["Europe/London"], hours, []);
        var index = new IntervalIndex();
        var monday = new LocalDate(2027, 3, 29);
        index.Add(Guid.NewGuid(), new TimeRange(Local(calendar, 2027, 3, 29, 10, 0), Local(calendar, 2027, 3, 29, 11, 0)), 1);

        var slots = new SlotFinder(index, calendar, default, 1).SlotsOn(monday, TimeSpan.FromHours(1), 1, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

        Assert.Equal([Local(calendar, 2027, 3, 29, 9, 0), Local(calendar, 2027, 3, 29, 11, 0)], slots.Select(s => s.Start));
        Assert.Empty(new SlotFinder(index, calendar, default, 1).SlotsOn(monday.PlusDays(1), TimeSpan.FromHours(1), 1, DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
    }

    internal static ResourceCalendar CalendarIn(string zoneId) =>
        new(DateTimeZoneProviders.Tzdb[zoneId], BusinessHours.AlwaysOpen, []);

    internal static DateTimeOffset Local(ResourceCalendar calendar, int y, int m, int d, int h, int min) =>
        calendar.ToInstant(new LocalDateTime(y, m, d, h, min));
}
