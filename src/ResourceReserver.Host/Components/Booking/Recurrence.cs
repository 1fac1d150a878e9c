using System.Globalization;

namespace ResourceReserver.Host.Components.Booking;

/// <summary>How often a recurring booking repeats.</summary>
public enum RepeatFrequency
{
    Daily,
    Weekly,
    Monthly,
}

/// <summary>How a recurring booking ends.</summary>
public enum RepeatEnd
{
    AfterCount,
    OnDate,
}

/// <summary>
/// What the recurrence builder edits, turned into the RFC 5545 RRULE the series endpoint takes. Times are the
/// resource's local wall-clock times, so UNTIL is written floating (no Z), like the first occurrence.
/// </summary>
public sealed class Recurrence
{
    /// <summary>Most occurrences one series may have (the engine's limit).</summary>
    public const int MaxCount = 365;

    private static readonly Dictionary<DayOfWeek, string> DayCodes = new()
    {
        [DayOfWeek.Monday] = "MO", [DayOfWeek.Tuesday] = "TU", [DayOfWeek.Wednesday] = "WE", [DayOfWeek.Thursday] = "TH",
        [DayOfWeek.Friday] = "FR", [DayOfWeek.Saturday] = "SA", [DayOfWeek.Sunday] = "SU",
    };

    public RepeatFrequency Frequency { get; set; } = RepeatFrequency.Weekly;

    /// <summary>Every n days, weeks or months.</summary>
    public int Interval { get; set; } = 1;

    /// <summary>The weekdays of a weekly rule; empty means the first occurrence's weekday.</summary>
    public HashSet<DayOfWeek> Days { get; } = [];

    public RepeatEnd End { get; set; } = RepeatEnd.AfterCount;

    /// <summary>How many occurrences, the first included.</summary>
    public int Count { get; set; } = 10;

    /// <summary>The last local date an occurrence may start on.</summary>
    public DateOnly? Until { get; set; }

    /// <summary>Why the rule cannot be built, as an English message key, or null when it is valid.</summary>
    public string? Problem(DateOnly firstDate) => this switch
    {
        { Interval: < 1 or > 99 } => "Repeat every 1 to 99 periods.",
        { End: RepeatEnd.AfterCount, Count: < 2 or > MaxCount } => "Choose between 2 and 365 occurrences.",
        { End: RepeatEnd.OnDate, Until: null } => "Choose the last date.",
        { End: RepeatEnd.OnDate, Until: { } until } when until < firstDate => "The last date must not be before the first booking.",
        _ => null,
    };

    /// <summary>The RRULE for a series whose first occurrence starts on <paramref name="firstDate"/> (local).</summary>
    public string ToRule(DateOnly firstDate)
    {
        var parts = new List<string> { $"FREQ={Frequency.ToString().ToUpperInvariant()}" };
        if (Interval > 1)
        {
            parts.Add($"INTERVAL={Interval.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Frequency == RepeatFrequency.Weekly)
        {
            var days = Days.Count > 0 ? Days : [firstDate.DayOfWeek];
            parts.Add("BYDAY=" + string.Join(',', Enum.GetValues<DayOfWeek>().Where(days.Contains).OrderBy(d => ((int)d + 6) % 7).Select(d => DayCodes[d])));
        }

        parts.Add(End == RepeatEnd.AfterCount
            ? $"COUNT={Count.ToString(CultureInfo.InvariantCulture)}"
            : $"UNTIL={Until!.Value.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}T235959");
        return string.Join(';', parts);
    }
}
