using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResourceReserver.Host.Components.Booking;
using ResourceReserver.Host.Components.Time;

namespace ResourceReserver.WebTests;

public sealed class CountdownTests : BunitContext
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    public CountdownTests()
    {
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddLocalization();
    }

    [Theory]
    [InlineData(300, "5:00")]
    [InlineData(7.2, "0:08")]
    [InlineData(0.4, "0:01")]
    [InlineData(0, "0:00")]
    [InlineData(-30, "0:00")]
    [InlineData(3723, "1:02:03")]
    public void It_formats_what_is_left_rounding_seconds_up(double seconds, string shown) =>
        Assert.Equal(shown, Countdown.Format(Countdown.Remaining(_clock.GetUtcNow().AddSeconds(seconds), _clock.GetUtcNow())));

    [Fact]
    public void It_ticks_every_second_and_reports_the_lapse_once()
    {
        var lapses = 0;
        var countdown = Render<HoldCountdown>(p => p
            .Add(c => c.Deadline, _clock.GetUtcNow().AddSeconds(90))
            .Add(c => c.OnLapsed, () => lapses++));
        Assert.Equal("1:30", countdown.Find("[role=timer]").TextContent);

        _clock.Advance(TimeSpan.FromSeconds(31));
        countdown.WaitForAssertion(() => Assert.Equal("0:59", countdown.Find("[role=timer]").TextContent));

        _clock.Advance(TimeSpan.FromSeconds(60));
        countdown.WaitForAssertion(() => Assert.Equal("0:00", countdown.Find("[role=timer]").TextContent));
        _clock.Advance(TimeSpan.FromSeconds(5));
        countdown.WaitForAssertion(() => Assert.Equal(1, lapses));
    }
}
