using System.Globalization;
using ResourceReserver.Client.Contracts;
using Spectre.Console;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Output;

/// <summary>The analytics reports as Spectre tables.</summary>
public static class AnalyticsTables
{
    private static readonly string[] Days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>Utilisation per resource.</summary>
    public static Table Utilization(UtilizationReport report)
    {
        var table = Table($"Utilisation {Window(report.From, report.Until)}", "Resource", "Bookings", "Booked h", "Open h", "Utilisation");
        foreach (var r in report.Resources)
        {
            table.AddRow(E(r.Name), N(r.Bookings), H(r.BookedHours), H(r.OpenHours), r.Utilization is { } u ? u.ToString("P1", CultureInfo.InvariantCulture) : "—");
        }

        return table;
    }

    /// <summary>Ranked resources.</summary>
    public static Table Popular(IReadOnlyList<PopularResource> resources, string title)
    {
        var table = Table(title, "#", "Resource", "Bookings", "Booked h");
        foreach (var r in resources)
        {
            table.AddRow(N(r.Rank), E(r.Name), N(r.Bookings), H(r.BookedHours));
        }

        return table;
    }

    /// <summary>The weekday × hour grid (hours with no booking on any day are left out).</summary>
    public static Table Peak(PeakReport report)
    {
        var table = Table($"Booking starts by hour ({E(report.TimeZone)})", ["Hour", .. Days]);
        foreach (var hour in report.Cells.GroupBy(c => c.Hour).Where(h => h.Any(c => c.Bookings > 0)).OrderBy(h => h.Key))
        {
            table.AddRow([$"{hour.Key:00}:00", .. Enumerable.Range(1, 7).Select(d => N(hour.FirstOrDefault(c => c.Weekday == d)?.Bookings ?? 0))]);
        }

        return table;
    }

    /// <summary>Figures per user.</summary>
    public static Table Users(IReadOnlyList<UserActivity> users, string title)
    {
        var table = Table(title, "User", "Bookings", "Booked h", "Cancellations", "No-shows");
        foreach (var u in users)
        {
            table.AddRow(E(u.Username ?? u.UserId.ToString()), N(u.Bookings), H(u.BookedHours), N(u.Cancellations), N(u.NoShows));
        }

        return table;
    }

    /// <summary>Totals and the top of each report.</summary>
    public static void Dashboard(IAnsiConsole console, AnalyticsDashboard d)
    {
        var totals = Table($"Totals {Window(d.From, d.Until)}", "Resources", "Bookings", "Booked h", "Open h", "Utilisation");
        totals.AddRow(N(d.Totals.Resources), N(d.Totals.Bookings), H(d.Totals.BookedHours), H(d.Totals.OpenHours),
            d.Totals.Utilization is { } u ? u.ToString("P1", CultureInfo.InvariantCulture) : "—");
        console.WriteTable(totals);
        console.WriteTable(Popular(d.TopResources, "Most booked"));
        var busiest = Table($"Busiest hours ({E(d.TimeZone)})", "Day", "Hour", "Bookings");
        foreach (var c in d.BusiestHours)
        {
            busiest.AddRow(Days[c.Weekday - 1], $"{c.Hour:00}:00", N(c.Bookings));
        }

        console.WriteTable(busiest);
        if (d.TopUsers is { } users)
        {
            console.WriteTable(Users(users, "Most active users"));
        }
    }

    private static string Window(DateTimeOffset from, DateTimeOffset until) =>
        $"{from.UtcDateTime:yyyy-MM-dd HH:mm} – {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string H(double hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);
}
