using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.TimeZones;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Input;

namespace ResourceReserver.CliTests.Parsing;

/// <summary>Natural times against NodaTime as the oracle: every zone, DST gaps and overlaps, and "tomorrow" across midnight.</summary>
public sealed class TimeTextProperties
{
    private static readonly string[] Zones =
    [
        "UTC", "Europe/Paris", "Europe/London", "America/New_York", "America/Sao_Paulo", "Australia/Lord_Howe", "Pacific/Chatham",
        "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/St_Johns", "Africa/Casablanca",
    ];

    private static Gen<DateTimeZone> ZoneGen => Gen.Elements(Zones).Select(id => DateTimeZoneProviders.Tzdb[id]);

    private static Gen<LocalDateTime> LocalGen =>
        from day in Gen.Choose(0, 365 * 60)
        from minute in Gen.Choose(0, 24 * 60 - 1)
        select new LocalDate(2000, 1, 1).PlusDays(day).At(LocalTime.Midnight.PlusMinutes(minute));

    private static Gen<Instant> InstantGen =>
        from seconds in Gen.Choose(0, int.MaxValue)
        select Instant.FromUtc(2001, 1, 1, 0, 0).Plus(Duration.FromSeconds(seconds) / 2);

    [Property(MaxTest = 500)]
    public Property A_written_local_time_is_that_wall_clock_time_in_the_zone_moved_forward_in_a_gap_and_earlier_in_an_overlap() =>
        Prop.ForAll(Arb.From(ZoneGen), Arb.From(LocalGen), (zone, local) =>
        {
            var text = local.ToString("uuuu-MM-dd HH:mm", null);
            var parsed = TimeText.Parse(text, zone, Instant.FromUtc(2026, 1, 1, 0, 0), "start");
            var mapping = zone.MapLocal(local);
            return mapping.Count switch
            {
                1 => parsed == mapping.Single().ToInstant(),
                2 => parsed == mapping.First().ToInstant(),
                _ => parsed == zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant() && parsed.InZone(zone).LocalDateTime > local,
            };
        });

    [Property(MaxTest = 500)]
    public Property Tomorrow_is_the_day_after_today_in_the_resources_zone_whatever_the_utc_date() =>
        Prop.ForAll(Arb.From(ZoneGen), Arb.From(InstantGen), Arb.From(Gen.Choose(0, 24 * 60 - 1)), (zone, now, minuteOfDay) =>
        {
            var (hour, minute) = (minuteOfDay / 60, minuteOfDay % 60);
            var parsed = TimeText.Parse($"tomorrow {hour}:{minute:00}", zone, now, "start");
            var expected = zone.ResolveLocal(now.InZone(zone).Date.PlusDays(1).At(new LocalTime(hour, minute)), Resolvers.LenientResolver).ToInstant();
            var today = TimeText.Parse($"today {hour:00}:{minute:00}", zone, now, "start");
            return parsed == expected && parsed - today >= Duration.FromHours(22) && parsed - today <= Duration.FromHours(26);
        });

    [Property(MaxTest = 300)]
    public Property An_instant_with_an_offset_means_that_instant_in_any_zone() =>
        Prop.ForAll(Arb.From(ZoneGen), Arb.From(InstantGen), (zone, instant) =>
        {
            var text = instant.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            return TimeText.Parse(text, zone, Instant.FromUtc(2026, 1, 1, 0, 0), "start") == Instant.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());
        });

    [Fact]
    public void On_the_spring_forward_day_a_skipped_time_moves_forward_and_on_the_fall_back_day_an_ambiguous_one_is_the_earlier()
    {
        var paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
        var now = Instant.FromUtc(2026, 3, 1, 12, 0);
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 30), TimeText.Parse("2026-03-29 02:30", paris, now, "start")); // 03:30 CEST
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 0, 30), TimeText.Parse("2026-10-25 02:30", paris, now, "start")); // 02:30 CEST, not CET
        var (start, end) = BookingWindow.Parse("2026-03-29 01:00", "03:30", paris, now, TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromHours(1.5), end - start); // one wall-clock hour was skipped
    }

    [Fact]
    public void Tomorrow_said_just_before_midnight_utc_is_two_utc_days_ahead_where_the_zone_is_already_in_tomorrow()
    {
        var tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];
        var now = Instant.FromUtc(2026, 6, 10, 23, 30); // 08:30 on June 11 in Tokyo
        Assert.Equal(Instant.FromUtc(2026, 6, 12, 0, 0), TimeText.Parse("tomorrow 9:00", tokyo, now, "start"));
        Assert.Equal(Instant.FromUtc(2026, 6, 11, 0, 0), TimeText.Parse("today 9:00", tokyo, now, "start"));
        Assert.Equal(Instant.FromUtc(2026, 6, 11, 0, 0), TimeText.Parse("9:00", tokyo, now, "start"));
    }

    [Theory]
    [InlineData("now")]
    [InlineData("2026-12-10T14:00")]
    [InlineData("2026-12-10T14:00:00+01:00")]
    [InlineData("monday 10:00")]
    [InlineData("Fri 7:15")]
    public void Other_accepted_forms_parse(string text) =>
        Assert.NotNull(TimeText.TryParse(text, DateTimeZone.Utc, Instant.FromUtc(2026, 12, 2, 12, 0), null));

    [Theory]
    [InlineData("")]
    [InlineData("tomorrow")]
    [InlineData("25:00")]
    [InlineData("2026-02-30 10:00")]
    [InlineData("yesterday-ish 10:00")]
    public void Malformed_times_are_usage_errors(string text)
    {
        var error = Assert.Throws<CliException>(() => TimeText.Parse(text, DateTimeZone.Utc, Instant.FromUtc(2026, 12, 2, 12, 0), "start"));
        Assert.Equal(ExitCodes.Usage, error.ExitCode);
    }
}
