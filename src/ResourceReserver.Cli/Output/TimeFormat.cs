using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace ResourceReserver.Cli.Output;

/// <summary>Instants shown as local times of a zone, with the zone's abbreviation of that moment (CET, CEST, UTC).</summary>
public static class TimeFormat
{
    private static readonly LocalDateTimePattern DayAndTime = LocalDateTimePattern.CreateWithInvariantCulture("ddd uuuu-MM-dd HH:mm");
    private static readonly LocalTimePattern TimeOnly = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>The zone with this id, or UTC when the id is unknown.</summary>
    public static DateTimeZone Zone(string? id) => id is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } zone ? zone : DateTimeZone.Utc;

    /// <summary><c>Thu 2026-12-10 14:00 CET</c>.</summary>
    public static string At(DateTimeOffset instant, DateTimeZone zone)
    {
        var zoned = Instant.FromDateTimeOffset(instant).InZone(zone);
        return $"{DayAndTime.Format(zoned.LocalDateTime)} {Abbreviation(zoned)}";
    }

    /// <summary><c>Thu 2026-12-10 14:00–16:00 CET</c>, or both ends in full when they fall on different days.</summary>
    public static string Range(DateTimeOffset start, DateTimeOffset end, DateTimeZone zone)
    {
        var from = Instant.FromDateTimeOffset(start).InZone(zone);
        var to = Instant.FromDateTimeOffset(end).InZone(zone);
        if (from.Date == to.Date && Abbreviation(from) == Abbreviation(to))
        {
            return $"{DayAndTime.Format(from.LocalDateTime)}–{TimeOnly.Format(to.TimeOfDay)} {Abbreviation(from)}";
        }

        return $"{At(start, zone)} → {At(end, zone)}";
    }

    /// <summary>How long, compactly: <c>2h</c>, <c>1h30m</c>.</summary>
    public static string Length(DateTimeOffset start, DateTimeOffset end) => Input.DurationText.Format(TimeSpan.FromMinutes(Math.Round((end - start).TotalMinutes)));

    /// <summary>An instant in UTC, ISO 8601.</summary>
    public static string Utc(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Abbreviation(ZonedDateTime zoned) => zoned.Zone == DateTimeZone.Utc ? "UTC" : zoned.GetZoneInterval().Name;
}
