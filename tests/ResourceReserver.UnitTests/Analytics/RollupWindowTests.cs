using ResourceReserver.Infrastructure.Analytics;

namespace ResourceReserver.UnitTests.Analytics;

/// <summary>How a window splits into the rollup's whole UTC days and its edges, and how rollup hours become local hours.</summary>
public sealed class RollupWindowTests
{
    private static readonly DateTimeOffset Midnight = new(2027, 3, 27, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_window_from_midday_to_midday_has_the_days_between_as_whole_days()
    {
        var window = RollupWindow.Of(new AnalyticsFilter(Midnight.AddHours(12), Midnight.AddDays(3).AddHours(12)));

        Assert.True(window.HasWholeDays);
        Assert.Equal(Midnight.AddDays(1).ToUnixTimeMilliseconds(), window.FirstDayMs);
        Assert.Equal(Midnight.AddDays(3).ToUnixTimeMilliseconds(), window.EndDayMs);
    }

    [Fact]
    public void A_window_on_midnights_is_whole_days_only()
    {
        var window = RollupWindow.Of(new AnalyticsFilter(Midnight, Midnight.AddDays(2)));

        Assert.Equal((Midnight.ToUnixTimeMilliseconds(), Midnight.AddDays(2).ToUnixTimeMilliseconds()), (window.FirstDayMs, window.EndDayMs));
    }

    [Fact]
    public void A_window_inside_one_day_or_across_one_midnight_has_no_whole_day()
    {
        Assert.False(RollupWindow.Of(new AnalyticsFilter(Midnight.AddHours(1), Midnight.AddHours(5))).HasWholeDays);
        Assert.False(RollupWindow.Of(new AnalyticsFilter(Midnight.AddHours(20), Midnight.AddDays(1).AddHours(5))).HasWholeDays);
    }

    [Fact]
    public void A_day_keeps_its_offset_unless_the_zone_changes_it_that_day_or_is_off_the_hour()
    {
        // Berlin: +1 h until 2027-03-28 01:00 UTC, +2 h after.
        var change = new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        OffsetSpan[] berlin = [new(change, 3_600_000), new(Midnight.AddDays(5).ToUnixTimeMilliseconds(), 7_200_000)];

        Assert.Equal(3_600_000, RollupWindow.WholeHourOffset(berlin, Midnight.ToUnixTimeMilliseconds()));
        Assert.Null(RollupWindow.WholeHourOffset(berlin, Midnight.AddDays(1).ToUnixTimeMilliseconds()));
        Assert.Equal(7_200_000, RollupWindow.WholeHourOffset(berlin, Midnight.AddDays(2).ToUnixTimeMilliseconds()));

        OffsetSpan[] kolkata = [new(Midnight.AddDays(5).ToUnixTimeMilliseconds(), 19_800_000)];
        Assert.Null(RollupWindow.WholeHourOffset(kolkata, Midnight.ToUnixTimeMilliseconds()));
    }

    [Theory]
    [InlineData(0, 0, 6, 0)] // Saturday 2027-03-27 00:00 UTC
    [InlineData(23, 3_600_000, 7, 0)] // 23:00 UTC at +1 h is Sunday 00:00
    [InlineData(2, -18_000_000, 5, 21)] // 02:00 UTC at -5 h is Friday 21:00
    public void Local_cells_are_iso_weekday_and_hour(int utcHour, long offsetMs, int weekday, int hour) =>
        Assert.Equal((weekday, hour), RollupWindow.LocalCell(Midnight.AddHours(utcHour).ToUnixTimeMilliseconds(), offsetMs));
}
