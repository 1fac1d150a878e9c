namespace ResourceReserver.Infrastructure.Messages;

/// <summary>
/// Times as people read them in messages: on the resource's wall clock with the zone named, never as raw UTC
/// instants (a user in Berlin told "12:00:00Z" has to do the sum themselves, and gets it wrong across DST).
/// </summary>
public static class LocalTimes
{
    /// <summary>The wall-clock time of <paramref name="instant"/> in <paramref name="zone"/> (UTC when the zone is unknown).</summary>
    public static DateTime Local(DateTimeOffset instant, string? zone) =>
        zone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var tz) ? TimeZoneInfo.ConvertTime(instant, tz).DateTime : instant.UtcDateTime;

    /// <summary><c>2026-12-04 13:00 – 14:00 (Europe/Berlin)</c>; the end's date is named too when it falls on another day.</summary>
    public static string Span(DateTimeOffset start, DateTimeOffset end, string? zone)
    {
        var (from, until) = (Local(start, zone), Local(end, zone));
        var endText = until.Date == from.Date ? $"{until:HH:mm}" : $"{until:yyyy-MM-dd HH:mm}";
        return $"{from:yyyy-MM-dd HH:mm} – {endText} ({ZoneName(zone)})";
    }

    /// <summary><c>2026-12-04 13:00 (Europe/Berlin)</c>.</summary>
    public static string At(DateTimeOffset instant, string? zone) => $"{Local(instant, zone):yyyy-MM-dd HH:mm} ({ZoneName(zone)})";

    private static string ZoneName(string? zone) =>
        zone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? zone : "UTC";
}
