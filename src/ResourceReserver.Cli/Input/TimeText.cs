using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;
using ResourceReserver.Cli.Hosting;

namespace ResourceReserver.Cli.Input;

/// <summary>
/// Times as people type them, read in a time zone (the resource's): <c>now</c>, <c>today 14:00</c>,
/// <c>tomorrow 9:30</c>, a weekday (<c>monday 10:00</c>, the next one), <c>2026-12-10 14:00</c>, <c>14:00</c> (today),
/// or ISO 8601 (<c>2026-12-10T14:00</c> local, or with an offset or <c>Z</c> as an exact instant). Like the server, a
/// local time skipped by a DST change moves forward and an ambiguous one takes the earlier instant.
/// </summary>
public static partial class TimeText
{
    private static readonly string[] LocalPatterns = ["uuuu-MM-dd HH:mm", "uuuu-MM-dd H:mm", "uuuu-MM-dd HH:mm:ss", "uuuu-MM-dd'T'HH:mm", "uuuu-MM-dd'T'HH:mm:ss", "uuuu-MM-dd'T'HH:mm:ss.FFFFFFF"];
    private static readonly string[] TimePatterns = ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss", "%H", "HH"];

    /// <summary>Reads an instant, or fails with a usage error that says what is accepted.</summary>
    public static Instant Parse(string? text, DateTimeZone zone, Instant now, string what) =>
        TryParse(text, zone, now, null) ?? throw Malformed(text, what);

    /// <summary>
    /// Reads an instant, or null. A bare time of day (<c>16:00</c>) falls on <paramref name="day"/> when given
    /// (the start's date, for an end), else today.
    /// </summary>
    public static Instant? TryParse(string? text, DateTimeZone zone, Instant now, LocalDate? day)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 60)
        {
            return null;
        }

        text = Regex.Replace(text.Trim(), @"\s+", " ");
        if (text.Equals("now", StringComparison.OrdinalIgnoreCase))
        {
            return now;
        }

        if (HasOffset(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var exact))
        {
            return Instant.FromDateTimeOffset(exact);
        }

        foreach (var pattern in LocalPatterns)
        {
            if (LocalDateTimePattern.CreateWithInvariantCulture(pattern).Parse(text) is { Success: true } local)
            {
                return zone.ResolveLocal(local.Value, Resolvers.LenientResolver).ToInstant();
            }
        }

        var today = now.InZone(zone).Date;
        var parts = text.Split(' ', 2);
        if (DayWord(parts[0], today) is { } date)
        {
            return parts.Length == 2 && TimeOfDay(parts[1]) is { } time
                ? zone.ResolveLocal(date + time, Resolvers.LenientResolver).ToInstant()
                : null;
        }

        return parts.Length == 1 && TimeOfDay(parts[0]) is { } bare
            ? zone.ResolveLocal((day ?? today) + bare, Resolvers.LenientResolver).ToInstant()
            : null;
    }

    /// <summary>Reads a local date: <c>2026-12-10</c>, <c>today</c>, <c>tomorrow</c> or a weekday.</summary>
    public static LocalDate ParseDate(string? text, DateTimeZone zone, Instant now, string what)
    {
        var today = now.InZone(zone).Date;
        if (text is not null && DayWord(text.Trim(), today) is { } word)
        {
            return word;
        }

        return text is not null && LocalDatePattern.Iso.Parse(text.Trim()) is { Success: true } date
            ? date.Value
            : throw CliException.Usage($"{what}: '{text}' is not a date; write 2026-12-10, today or tomorrow.");
    }

    /// <summary>The usage error for a time that cannot be read.</summary>
    public static CliException Malformed(string? text, string what) =>
        CliException.Usage($"{what}: '{text}' is not a time; write \"2026-12-10 14:00\", \"today 14:00\", \"tomorrow 9:30\", now, or ISO 8601.");

    private static LocalDate? DayWord(string word, LocalDate today)
    {
        switch (word.ToLowerInvariant())
        {
            case "today":
                return today;
            case "tomorrow":
                return today.PlusDays(1);
        }

        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            if (word.Equals(day.ToString(), StringComparison.OrdinalIgnoreCase) || (word.Length == 3 && day.ToString().StartsWith(word, StringComparison.OrdinalIgnoreCase)))
            {
                // The next such day, never today: "monday" said on a Monday means next week.
                return today.Next(day);
            }
        }

        return null;
    }

    private static LocalTime? TimeOfDay(string text)
    {
        foreach (var pattern in TimePatterns)
        {
            if (LocalTimePattern.CreateWithInvariantCulture(pattern).Parse(text) is { Success: true } time)
            {
                return time.Value;
            }
        }

        return null;
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || OffsetSuffix().IsMatch(text);

    [GeneratedRegex(@"T.*[+-]\d{2}(:?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetSuffix();
}
