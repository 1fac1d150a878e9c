using NodaTime;
using ResourceReserver.Cli.Hosting;

namespace ResourceReserver.Cli.Input;

/// <summary>A start and an end, read from <c>&lt;start&gt; [&lt;end-or-duration&gt;]</c> in the resource's zone.</summary>
public static class BookingWindow
{
    /// <summary>
    /// Reads the window. The second value is a duration (<c>2h</c>) or an end time; a bare time of day as the end
    /// falls on the start's local date. Without it the window lasts <paramref name="defaultLength"/>.
    /// </summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Parse(string startText, string? endText, DateTimeZone zone, Instant now, TimeSpan defaultLength)
    {
        var start = TimeText.Parse(startText, zone, now, "start");
        Instant end;
        if (endText is null)
        {
            end = start + Duration.FromTimeSpan(defaultLength);
        }
        else if (DurationText.TryParse(endText) is { } length)
        {
            end = start + Duration.FromTimeSpan(length);
        }
        else
        {
            end = TimeText.TryParse(endText, zone, now, start.InZone(zone).Date)
                ?? throw CliException.Usage($"end: '{endText}' is neither a duration (2h, 90m, 1h30m, PT2H) nor a time (\"2026-12-10 16:00\", 16:00).");
        }

        return end > start
            ? (start.ToDateTimeOffset(), end.ToDateTimeOffset())
            : throw CliException.Usage("The end must come after the start.");
    }
}
