using ResourceReserver.Contracts;
using ResourceReserver.Host.Components.Booking;
using ResourceReserver.Host.Components.Time;

namespace ResourceReserver.WebTests;

public sealed class TimelineLayoutTests
{
    private static readonly ZonedTime Madrid = new("Europe/Madrid", "Europe/London");
    private static readonly DateOnly Monday = new(2026, 12, 7);

    private static TimeRange Local(DateOnly day, int fromHour, int toHour) =>
        new(Madrid.ToInstant(day.ToDateTime(new TimeOnly(fromHour, 0))), Madrid.ToInstant(day.ToDateTime(TimeOnly.MinValue).AddHours(toHour)));

    [Fact]
    public void An_always_open_resource_shows_seven_to_twenty_one_and_places_blocks_by_local_time()
    {
        var layout = TimelineLayout.Build([Monday], Madrid, [Local(Monday, 10, 11)], [Local(Monday, 0, 10), Local(Monday, 11, 24)]);
        Assert.Equal((7, 21), (layout.FirstHour, layout.LastHour));
        var busy = Assert.Single(layout.Blocks, b => b.Kind == TimelineKind.Busy);
        Assert.Equal(3 * 100.0 / 14, busy.Top, 6);
        Assert.Equal(100.0 / 14, busy.Height, 6);
        Assert.All(layout.Blocks, b => Assert.InRange(b.Top + b.Height, 0, 100.0000001));
    }

    [Fact]
    public void A_range_across_midnight_is_cut_into_both_days_columns()
    {
        var tuesday = Monday.AddDays(1);
        var late = new TimeRange(Madrid.ToInstant(Monday.ToDateTime(new TimeOnly(20, 0))), Madrid.ToInstant(tuesday.ToDateTime(new TimeOnly(9, 0))));
        var layout = TimelineLayout.Build([Monday, tuesday], Madrid, [late], []);
        Assert.Equal(0, layout.FirstHour);
        Assert.Equal(24, layout.LastHour);
        Assert.Equal([0, 1], layout.Blocks.Select(b => b.Day).Order());
        Assert.Equal(100.0 * 4 / 24, layout.Blocks.Single(b => b.Day == 0).Height, 6);
        Assert.Equal(100.0 * 9 / 24, layout.Blocks.Single(b => b.Day == 1).Height, 6);
    }

    [Fact]
    public void Free_time_shows_only_inside_the_opening_hours_which_frame_the_grid()
    {
        OpeningPeriod[] hours = [new(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 30))];
        var layout = TimelineLayout.Build([Monday, Monday.AddDays(1)], Madrid, [], [Local(Monday, 0, 48)], hours);
        Assert.Equal(9, layout.FirstHour);
        Assert.Equal(18, layout.LastHour);
        var free = Assert.Single(layout.Blocks);
        Assert.Equal(0, free.Day);
        Assert.Equal(0, free.Top, 6);
        Assert.Equal(100.0 * 8.5 / 9, free.Height, 6);
    }

    [Fact]
    public void A_short_day_on_the_dst_change_still_fills_its_column_proportionally()
    {
        var change = new DateOnly(2027, 3, 28); // clocks go forward at 02:00 in Madrid
        var layout = TimelineLayout.Build([change], Madrid, [Local(change, 0, 24)], []);
        var busy = Assert.Single(layout.Blocks);
        Assert.Equal((0, 24), (layout.FirstHour, layout.LastHour));
        Assert.Equal(0, busy.Top, 6);
        Assert.Equal(100, busy.Height, 6);
    }
}
