using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using ResourceReserver.Cli.Hosting;

namespace ResourceReserver.Cli.Input;

/// <summary>Durations as people type them: <c>2h</c>, <c>90m</c>, <c>1h30m</c>, <c>1d</c>, or ISO 8601 <c>PT2H</c>.</summary>
public static partial class DurationText
{
    /// <summary>The longest duration accepted (a year), so nothing overflows.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(366);

    /// <summary>Reads a positive duration, or null when the text is not one.</summary>
    public static TimeSpan? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }

        text = text.Trim();
        TimeSpan? value = null;
        if (Compact().Match(text) is { Success: true } match && match.Length > 0)
        {
            long Part(string name, long unit) => match.Groups[name].Success ? long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) * unit : 0;
            var seconds = Part("d", 86_400) + Part("h", 3_600) + Part("m", 60) + Part("s", 1);
            value = seconds is > 0 and <= 31_622_400 ? TimeSpan.FromSeconds(seconds) : null;
        }
        else if (text.StartsWith('P') || text.StartsWith('p'))
        {
            try
            {
                value = XmlConvert.ToTimeSpan(text.ToUpperInvariant());
            }
            catch (Exception exception) when (exception is FormatException or OverflowException)
            {
                value = null;
            }
        }

        return value is { } v && v > TimeSpan.Zero && v <= Longest ? v : null;
    }

    /// <summary>Reads a duration or fails with a usage error naming the argument.</summary>
    public static TimeSpan Parse(string? text, string what) =>
        TryParse(text) ?? throw CliException.Usage($"{what}: '{text}' is not a duration; write 2h, 90m, 1h30m or PT2H.");

    /// <summary>Writes a duration compactly (<c>1h30m</c>).</summary>
    public static string Format(TimeSpan value)
    {
        var parts = new List<string>();
        if (value.Days > 0)
        {
            parts.Add($"{value.Days}d");
        }

        if (value.Hours > 0)
        {
            parts.Add($"{value.Hours}h");
        }

        if (value.Minutes > 0)
        {
            parts.Add($"{value.Minutes}m");
        }

        if (value.Seconds > 0)
        {
            parts.Add($"{value.Seconds}s");
        }

        if (parts.Count == 0)
        {
            parts.Add("0m");
        }

        return string.Concat(parts);
    }

    /// <summary>ISO 8601 (<c>PT8H</c>), as the API reads durations.</summary>
    public static string Iso(TimeSpan value) => XmlConvert.ToString(value);

    [GeneratedRegex(@"^(?:(?<d>\d{1,3})d)?(?:(?<h>\d{1,4})h)?(?:(?<m>\d{1,6})m(?:in)?)?(?:(?<s>\d{1,7})s)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Compact();
}
