using ResourceReserver.Infrastructure.Messages;

namespace ResourceReserver.UnitTests.Messages;

/// <summary>Message times are on the resource's wall clock with the zone named, across DST and midnight.</summary>
public sealed class LocalTimesTests
{
    [Theory]
    [InlineData("2026-12-04T12:00:00Z", "2026-12-04T13:00:00Z", "Europe/Berlin", "2026-12-04 13:00 – 14:00 (Europe/Berlin)")]
    [InlineData("2026-07-04T12:00:00Z", "2026-07-04T13:00:00Z", "Europe/Berlin", "2026-07-04 14:00 – 15:00 (Europe/Berlin)")]
    [InlineData("2026-12-04T22:30:00Z", "2026-12-05T01:00:00Z", "Europe/Berlin", "2026-12-04 23:30 – 2026-12-05 02:00 (Europe/Berlin)")]
    [InlineData("2026-12-04T12:00:00Z", "2026-12-04T13:00:00Z", "America/New_York", "2026-12-04 07:00 – 08:00 (America/New_York)")]
    [InlineData("2026-12-04T12:00:00Z", "2026-12-04T13:00:00Z", "Not/AZone", "2026-12-04 12:00 – 13:00 (UTC)")]
    [InlineData("2026-12-04T12:00:00Z", "2026-12-04T13:00:00Z", null, "2026-12-04 12:00 – 13:00 (UTC)")]
    public void A_span_reads_on_the_zones_wall_clock(string start, string end, string? zone, string expected) =>
        Assert.Equal(expected, LocalTimes.Span(DateTimeOffset.Parse(start), DateTimeOffset.Parse(end), zone));

    [Fact]
    public void An_instant_names_its_zone() =>
        Assert.Equal("2026-03-29 03:30 (Europe/Berlin)", LocalTimes.At(DateTimeOffset.Parse("2026-03-29T01:30:00Z"), "Europe/Berlin"));
}
