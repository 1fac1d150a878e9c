using System.Globalization;
using System.Text;
using ResourceReserver.Host.Audit;

namespace ResourceReserver.Host.Analytics;

/// <summary>The analytics reports as CSV (RFC 4180, one header row, invariant numbers), columns named as the JSON fields.</summary>
public static class AnalyticsCsv
{
    /// <summary>The reports that export.</summary>
    public static readonly IReadOnlyList<string> Reports = ["utilization", "popular", "peak", "users"];

    /// <summary>Utilisation, one row per resource.</summary>
    public static string Of(UtilizationReport report) => Table(
        ["resourceId", "name", "capacity", "bookings", "bookedHours", "openHours", "utilization"],
        report.Resources.Select(r => new object?[] { r.ResourceId, r.Name, r.Capacity, r.Bookings, r.BookedHours, r.OpenHours, r.Utilization }));

    /// <summary>The ranking, one row per resource.</summary>
    public static string Of(PopularReport report) => Table(
        ["rank", "resourceId", "name", "bookings", "bookedHours"],
        report.Resources.Select(r => new object?[] { r.Rank, r.ResourceId, r.Name, r.Bookings, r.BookedHours }));

    /// <summary>The 168 weekday × hour cells.</summary>
    public static string Of(PeakReport report) => Table(
        ["timeZone", "weekday", "hour", "bookings"],
        report.Cells.Select(c => new object?[] { report.TimeZone, c.Weekday, c.Hour, c.Bookings }));

    /// <summary>One row per user.</summary>
    public static string Of(UserActivityReport report) => Table(
        ["userId", "username", "bookings", "bookedHours", "cancellations", "noShows"],
        report.Users.Select(u => new object?[] { u.UserId, u.Username, u.Bookings, u.BookedHours, u.Cancellations, u.NoShows }));

    private static string Table(string[] columns, IEnumerable<object?[]> rows)
    {
        var csv = new StringBuilder(string.Join(',', columns)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select(Field)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Field(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => AuditCsv.Field(value.ToString()),
    };
}
