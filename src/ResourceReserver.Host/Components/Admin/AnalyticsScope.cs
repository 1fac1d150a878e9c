using System.Globalization;
using ResourceReserver.Host.Analytics;

namespace ResourceReserver.Host.Components.Admin;

/// <summary>
/// What the analytics page shows: whole UTC days from <see cref="From"/> through <see cref="Until"/> and, optionally,
/// one group (its subgroups included) and one resource. It round-trips through the page's URL query, so a reload or a
/// shared link shows the same figures, and it makes the reports' query and the CSV links.
/// </summary>
public sealed record AnalyticsScope(DateOnly? From, DateOnly? Until, string? GroupId = null, string? ResourceId = null)
{
    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>The page's own address.</summary>
    public const string Page = "/admin/analytics";

    /// <summary>The last 30 UTC days, today included, everything.</summary>
    public static AnalyticsScope Default(DateOnly today) => new(today.AddDays(-29), today);

    /// <summary>
    /// The scope of the page's URL query. A missing or unreadable day falls back to the default period; ids go on as
    /// written (lower-cased when they are ids, as the pickers write them) so the reports refuse a bad one by its field.
    /// </summary>
    public static AnalyticsScope FromUrl(string? from, string? until, string? groupId, string? resourceId, DateOnly today)
    {
        var fallback = Default(today);
        return new(Day(from) ?? fallback.From, Day(until) ?? fallback.Until, Id(groupId), Id(resourceId));
    }

    /// <summary>The reports' query: until is inclusive here, exclusive in the query.</summary>
    public AnalyticsQuery Query() => new(Midnight(From), Midnight(Until?.AddDays(1)), GroupId, ResourceId);

    /// <summary>The page's address for this scope; the default period stays out so a kept link keeps rolling with the days.</summary>
    public string PageUrl(DateOnly today)
    {
        var period = this with { GroupId = null, ResourceId = null } == Default(today)
            ? (From: null, Until: null)
            : (From: From?.ToString(DayFormat, CultureInfo.InvariantCulture), Until: Until?.ToString(DayFormat, CultureInfo.InvariantCulture));
        return Page + QueryString(("from", period.From), ("until", period.Until), ("groupId", GroupId), ("resourceId", ResourceId));
    }

    /// <summary>One report's CSV for this scope (served with the UI's cookie at /admin/analytics/export).</summary>
    public string ExportUrl(string report)
    {
        var query = Query();
        return $"{Page}/export/{report}.csv" + QueryString(("from", query.From), ("until", query.Until), ("groupId", GroupId), ("resourceId", ResourceId));
    }

    private static string QueryString(params (string Name, string? Value)[] fields)
    {
        var given = fields.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value!)}").ToList();
        return given.Count == 0 ? "" : "?" + string.Join("&", given);
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string? Id(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Guid.TryParse(text, out var id) ? id.ToString() : text;

    private static string? Midnight(DateOnly? day) => day is { } d ? d.ToString(DayFormat, CultureInfo.InvariantCulture) + "T00:00:00Z" : null;
}
