using ResourceReserver.Host.Components.Booking;

namespace ResourceReserver.WebTests;

public sealed class RecurrenceTests
{
    private static readonly DateOnly Monday = new(2026, 12, 7);

    [Fact]
    public void A_weekly_rule_without_chosen_days_repeats_on_the_first_days_weekday()
    {
        var rule = new Recurrence { Frequency = RepeatFrequency.Weekly, Count = 10 }.ToRule(Monday);
        Assert.Equal("FREQ=WEEKLY;BYDAY=MO;COUNT=10", rule);
    }

    [Fact]
    public void Chosen_days_are_written_monday_first_with_the_interval()
    {
        var recurrence = new Recurrence { Frequency = RepeatFrequency.Weekly, Interval = 2, Count = 6 };
        recurrence.Days.UnionWith([DayOfWeek.Sunday, DayOfWeek.Wednesday, DayOfWeek.Monday]);
        Assert.Equal("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,SU;COUNT=6", recurrence.ToRule(Monday));
    }

    [Fact]
    public void An_end_date_is_written_as_a_floating_until_at_the_end_of_that_day()
    {
        var rule = new Recurrence { Frequency = RepeatFrequency.Daily, End = RepeatEnd.OnDate, Until = new DateOnly(2027, 1, 31) }.ToRule(Monday);
        Assert.Equal("FREQ=DAILY;UNTIL=20270131T235959", rule);
    }

    [Fact]
    public void Monthly_rules_have_no_weekdays()
    {
        var recurrence = new Recurrence { Frequency = RepeatFrequency.Monthly, Count = 3 };
        recurrence.Days.Add(DayOfWeek.Friday);
        Assert.Equal("FREQ=MONTHLY;COUNT=3", recurrence.ToRule(Monday));
    }

    [Theory]
    [InlineData(0, 10, "Repeat every 1 to 99 periods.")]
    [InlineData(1, 1, "Choose between 2 and 365 occurrences.")]
    [InlineData(1, 366, "Choose between 2 and 365 occurrences.")]
    [InlineData(1, 365, null)]
    public void Out_of_range_choices_are_explained(int interval, int count, string? problem) =>
        Assert.Equal(problem, new Recurrence { Interval = interval, Count = count }.Problem(Monday));

    [Fact]
    public void An_end_date_before_the_first_booking_is_refused()
    {
        var recurrence = new Recurrence { End = RepeatEnd.OnDate, Until = Monday.AddDays(-1) };
        Assert.Equal("The last date must not be before the first booking.", recurrence.Problem(Monday));
        Assert.Equal("Choose the last date.", new Recurrence { End = RepeatEnd.OnDate }.Problem(Monday));
    }
}
