using ResourceReserver.Contracts;

namespace ResourceReserver.UnitTests.Contracts;

public sealed class TimeRangeTests
{
    private static readonly DateTimeOffset _t = new(2030, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private static TimeRange Minutes(int from, int to) => new(_t.AddMinutes(from), _t.AddMinutes(to));

    [Theory]
    [InlineData(0, 60, 30, 90, true)]
    [InlineData(0, 60, 60, 90, false)]
    [InlineData(60, 90, 0, 60, false)]
    [InlineData(0, 60, 10, 20, true)]
    [InlineData(10, 20, 0, 60, true)]
    [InlineData(0, 60, 59, 61, true)]
    [InlineData(0, 60, 0, 60, true)]
    [InlineData(0, 10, 20, 30, false)]
    public void Overlaps_treats_ranges_as_half_open(int a1, int a2, int b1, int b2, bool expected)
    {
        Assert.Equal(expected, Minutes(a1, a2).Overlaps(Minutes(b1, b2)));
        Assert.Equal(expected, Minutes(b1, b2).Overlaps(Minutes(a1, a2)));
    }

    [Fact]
    public void Overlaps_compares_instants_not_clock_readings()
    {
        var utc = Minutes(0, 60);
        var tokyo = new TimeRange(_t.AddMinutes(60).ToOffset(TimeSpan.FromHours(9)), _t.AddMinutes(120).ToOffset(TimeSpan.FromHours(9)));

        Assert.False(utc.Overlaps(tokyo));
        Assert.Equal(TimeSpan.FromHours(1), tokyo.Duration);
    }

    [Fact]
    public void Duration_is_end_minus_start() => Assert.Equal(TimeSpan.FromMinutes(45), Minutes(15, 60).Duration);
}
