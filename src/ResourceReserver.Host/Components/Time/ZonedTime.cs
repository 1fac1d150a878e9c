using System.Globalization;
using NodaTime;

namespace ResourceReserver.Host.Components.Time;

/// <summary>
/// Instants as people read them: in the resource's time zone, named, and in the viewer's zone as well where that
/// differs. Typed local times are read in the resource's zone (a skipped or repeated hour resolves leniently).
/// </summary>
public sealed class ZonedTime(string resourceZone, string? viewerZone)
{
    private readonly DateTimeZone _zone = Find(resourceZone) ?? DateTimeZone.Utc;
    private readonly DateTimeZone? _viewer = Find(viewerZone);

    /// <summary>The resource's zone id.</summary>
    public string ZoneId => _zone.Id;

    /// <summary>True when the viewer's zone is known and has other rules than the resource's.</summary>
    public bool ViewerDiffers => _viewer is not null && _viewer.Id != _zone.Id;

    /// <summary>The viewer's zone id, when known.</summary>
    public string? ViewerZoneId => _viewer?.Id;

    /// <summary>A zone by IANA id, or null.</summary>
    public static DateTimeZone? Find(string? id) => string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);

    /// <summary>The local date and time of <paramref name="instant"/> in the resource's zone.</summary>
    public DateTime Local(DateTimeOffset instant) => Instant.FromDateTimeOffset(instant).InZone(_zone).LocalDateTime.ToDateTimeUnspecified();

    /// <summary>The local date and time of <paramref name="instant"/> in the viewer's zone (the resource's when unknown).</summary>
    public DateTime ViewerLocal(DateTimeOffset instant) => Instant.FromDateTimeOffset(instant).InZone(_viewer ?? _zone).LocalDateTime.ToDateTimeUnspecified();

    /// <summary>The instant a local date and time of the resource's zone names.</summary>
    public DateTimeOffset ToInstant(DateTime local) =>
        LocalDateTime.FromDateTime(local).InZoneLeniently(_zone).ToDateTimeOffset();

    /// <summary>Midnight starting <paramref name="date"/> in the resource's zone.</summary>
    public DateTimeOffset StartOfDay(DateOnly date) => _zone.AtStartOfDay(LocalDate.FromDateOnly(date)).ToDateTimeOffset();

    /// <summary>Today in the resource's zone.</summary>
    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(Local(now));

    /// <summary>"Tue 10 Dec, 14:00–15:00" in the resource's zone (dates in the culture's words).</summary>
    public string Range(DateTimeOffset start, DateTimeOffset end, CultureInfo culture) => Format(Local(start), Local(end), culture);

    /// <summary>The same range in the viewer's zone, or null when it reads the same.</summary>
    public string? ViewerRange(DateTimeOffset start, DateTimeOffset end, CultureInfo culture) =>
        ViewerDiffers ? Format(ViewerLocal(start), ViewerLocal(end), culture) : null;

    /// <summary>A time of day in the resource's zone.</summary>
    public string Clock(DateTimeOffset instant, CultureInfo culture) => Local(instant).ToString("t", culture);

    private static string Format(DateTime start, DateTime end, CultureInfo culture)
    {
        var day = start.ToString("ddd d MMM", culture);
        return start.Date == end.Date || end == start.Date.AddDays(1)
            ? $"{day}, {start.ToString("t", culture)}–{end.ToString("t", culture)}"
            : $"{day}, {start.ToString("t", culture)} – {end.ToString("ddd d MMM", culture)}, {end.ToString("t", culture)}";
    }
}
