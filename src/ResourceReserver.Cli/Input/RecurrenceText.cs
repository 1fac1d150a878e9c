using System.Globalization;
using NodaTime;
using ResourceReserver.Cli.Hosting;

namespace ResourceReserver.Cli.Input;

/// <summary>The <c>--recurrence</c> options of <c>rr reservations create</c>, written as the RFC 5545 RRULE the series API reads.</summary>
public sealed record RecurrenceText(string Frequency, int? Interval, int? Count, LocalDate? Until, IReadOnlyList<string> Days)
{
    private static readonly string[] DayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    /// <summary>Checks the options and builds the recurrence; null when there is none.</summary>
    public static RecurrenceText? From(string? frequency, int? interval, int? count, LocalDate? until, string? days)
    {
        if (frequency is null)
        {
            return interval is not null || count is not null || until is not null || days is not null
                ? throw CliException.Usage("--interval, --count, --until and --days go with --recurrence daily|weekly|monthly.")
                : null;
        }

        var freq = frequency.ToLowerInvariant() switch
        {
            "daily" => "DAILY",
            "weekly" => "WEEKLY",
            "monthly" => "MONTHLY",
            _ => throw CliException.Usage($"--recurrence: '{frequency}' is not daily, weekly or monthly."),
        };
        if (interval is < 1 or > 99 || count is < 1 or > 365)
        {
            throw CliException.Usage("--interval is 1 to 99 and --count 1 to 365.");
        }

        if (count is null && until is null)
        {
            throw CliException.Usage("Say when the series ends: --count n or --until yyyy-MM-dd.");
        }

        var dayList = (days ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Length >= 2 ? d[..2].ToUpperInvariant() : d).ToList();
        if (dayList.FirstOrDefault(d => !DayCodes.Contains(d)) is { } bad)
        {
            throw CliException.Usage($"--days: '{bad}' is not a weekday; write mo,tu,we,th,fr,sa,su.");
        }

        return new RecurrenceText(freq, interval, count, until, dayList.Distinct().ToList());
    }

    /// <summary>The RRULE. UNTIL is floating local time (the series API expands in the resource's zone), the end of that day.</summary>
    public string Rule
    {
        get
        {
            var parts = new List<string> { $"FREQ={Frequency}" };
            if (Interval is { } interval and > 1)
            {
                parts.Add($"INTERVAL={interval}");
            }

            if (Count is { } count)
            {
                parts.Add($"COUNT={count}");
            }

            if (Until is { } until)
            {
                parts.Add($"UNTIL={until.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}T235959");
            }

            if (Days.Count > 0)
            {
                parts.Add($"BYDAY={string.Join(',', Days)}");
            }

            return string.Join(';', parts);
        }
    }
}
