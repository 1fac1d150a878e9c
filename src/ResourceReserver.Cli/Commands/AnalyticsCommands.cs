using System.CommandLine;
using System.Globalization;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Input;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client;
using ResourceReserver.Client.Contracts;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr analytics utilization | popular | peak | users | dashboard</c> (analytics.read), as tables, <c>--json</c> or <c>--csv</c>.</summary>
public static class AnalyticsCommands
{
    /// <summary>The <c>analytics</c> command.</summary>
    public static Command Build(CommandKit kit)
    {
        var analytics = Command("analytics", "Utilisation, popular resources, peak hours and per-user figures (analytics.read)");
        foreach (var report in AnalyticsClient.Reports)
        {
            analytics.Subcommands.Add(Report(kit, report));
        }

        return analytics;
    }

    private static Command Report(CommandKit kit, string report)
    {
        var from = Opt<string?>("--from", "Start of the window: ISO 8601, \"2026-12-10 14:00\", \"today 9:00\" (default: 30 days before --until)");
        var until = Opt<string?>("--until", "End of the window (default: now)");
        var group = Opt<string?>("--group", "Only resources in this group (id) and its subgroups");
        var resource = Opt<string?>("--resource", "Only this resource (id or exact name)");
        var zone = Opt<string?>("--time-zone", "IANA zone peak hours are counted in (default UTC)");
        var limit = Opt<int?>("--limit", "How many resources popular ranks, 1-100 (default 10)");
        var csv = Opt<bool>("--csv", "Print the CSV export instead of a table");
        var output = Opt<string?>("--output", "Write the CSV export to this file", "-o");
        Symbol[] symbols = report == "dashboard" ? [from, until, group, resource, zone] : [from, until, group, resource, zone, limit, csv, output];
        var description = report switch
        {
            "utilization" => "Booked hours against open hours per resource",
            "popular" => "Resources ranked by bookings, then booked hours",
            "peak" => "Bookings by weekday and hour of their start",
            "users" => "Bookings, hours, cancellations and no-shows per user",
            _ => "Totals and the top of each report",
        };
        return kit.Run(Command(report, description, symbols), AuthMode.Required, async inv =>
        {
            var filters = new AnalyticsFilters(
                Instant(inv, inv.Get(from), "--from"), Instant(inv, inv.Get(until), "--until"),
                inv.Get(group) is { } g ? Invocation.Id(g, "--group") : null,
                inv.Get(resource) is { } r ? (await inv.ResourceAsync(r)).Id : null,
                inv.Get(zone), inv.Get(limit));
            if (report != "dashboard" && (inv.Get(csv) || inv.Get(output) is not null))
            {
                await Exports.WriteAsync(inv, inv.Get(output), report, (stream, ct) => inv.Api.Analytics.ExportAsync(report, filters, stream, ct));
                return;
            }

            await ShowAsync(inv, report, filters);
        });
    }

    private static async Task ShowAsync(Invocation inv, string report, AnalyticsFilters filters)
    {
        var api = inv.Api.Analytics;
        switch (report)
        {
            case "utilization":
                var utilization = await api.UtilizationAsync(filters, inv.Ct);
                inv.Print.Result(utilization.Body, console => console.WriteTable(AnalyticsTables.Utilization(utilization.Value)));
                break;
            case "popular":
                var popular = await api.PopularAsync(filters, inv.Ct);
                inv.Print.Result(popular.Body, console => console.WriteTable(AnalyticsTables.Popular(popular.Value.Resources, "Most booked")));
                break;
            case "peak":
                var peak = await api.PeakAsync(filters, inv.Ct);
                inv.Print.Result(peak.Body, console => console.WriteTable(AnalyticsTables.Peak(peak.Value)));
                break;
            case "users":
                var users = await api.UsersAsync(filters, inv.Ct);
                inv.Print.Result(users.Body, console => console.WriteTable(AnalyticsTables.Users(users.Value.Users, "Bookings per user")));
                break;
            default:
                var dashboard = await api.DashboardAsync(filters, inv.Ct);
                inv.Print.Result(dashboard.Body, console => AnalyticsTables.Dashboard(console, dashboard.Value));
                break;
        }
    }


    private static DateTimeOffset? Instant(Invocation inv, string? text, string what) =>
        text is null ? null : TimeText.Parse(text, inv.Context.LocalZone, inv.Now, what).ToDateTimeOffset();
}
