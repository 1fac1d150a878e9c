using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Host.Components.Admin;
using ResourceReserver.Host.Components.Shared;

namespace ResourceReserver.WebTests;

/// <summary>The analytics tables of the admin page: utilization per resource, the busiest hours, and people only when
/// per-person statistics are on; and the page's scope (period, group, resource) as URL, reports' query and CSV links.</summary>
public sealed class AnalyticsReportTests : BunitContext
{
    private static readonly DateTimeOffset From = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Until = From.AddDays(30);
    private static readonly Guid Room = Guid.NewGuid();

    public AnalyticsReportTests()
    {
        Services.AddLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    [Fact]
    public void Utilization_lists_booked_and_open_hours_and_the_busiest_cells_come_first()
    {
        var report = Render<AnalyticsReport>(p => p
            .Add(c => c.Dashboard, Dashboard())
            .Add(c => c.Utilization, new UtilizationReport(From, Until,
                [new ResourceUtilization(Room, "Boardroom", 1, 3, 4.5, 90, 0.05), new ResourceUtilization(Guid.NewGuid(), "Shed", 1, 0, 0, 0, null)]))
            .Add(c => c.Peak, Peak((1, 9, 2), (3, 14, 5), (7, 23, 1))));

        var rows = report.FindAll("table[aria-label=Utilization] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();
        Assert.Equal(["Boardroom", "3", "4.5", "90.0", "5.0%"], rows[0].Select(t => t.Replace(" ", "")));
        Assert.Equal("—", rows[1][4]);
        var busiest = report.FindAll("table[aria-label='Busiest hours'] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, busiest.Count);
        Assert.Contains("Wednesday", busiest[0]);
        Assert.Contains("14:00–15:00", busiest[0]);
        Assert.Contains("Sunday", busiest[2]);
        Assert.Contains("23:00–00:00", busiest[2]);
        Assert.Empty(report.FindAll("table[aria-label=People]"));
    }

    [Fact]
    public void People_are_listed_only_when_given_and_the_texts_follow_the_language()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es");
        var report = Render<AnalyticsReport>(p => p
            .Add(c => c.Dashboard, Dashboard())
            .Add(c => c.Utilization, new UtilizationReport(From, Until, []))
            .Add(c => c.Peak, Peak())
            .Add(c => c.Users, new UserActivityReport(From, Until, [new UserActivity(Guid.NewGuid(), "ana", 3, 4.5, 1, 0)])));

        Assert.Equal("ana", report.Find("table[aria-label=Personas] tbody td").TextContent);
        Assert.Contains("Ocupación", report.Find("#analytics-utilization-heading").TextContent);
        Assert.Contains("No hay reservas en este periodo.", report.Markup);
    }

    [Fact]
    public void People_without_bookings_say_so_instead_of_an_empty_table()
    {
        var report = Render<AnalyticsReport>(p => p
            .Add(c => c.Dashboard, Dashboard())
            .Add(c => c.Utilization, new UtilizationReport(From, Until, []))
            .Add(c => c.Peak, Peak())
            .Add(c => c.Users, new UserActivityReport(From, Until, [])));

        Assert.Empty(report.FindAll("table[aria-label=People]"));
        Assert.Contains("No bookings in this period.", report.Find("section[aria-labelledby=analytics-users-heading]").TextContent);
    }

    [Fact]
    public void The_scope_round_trips_through_the_page_url_and_narrows_the_query_and_the_csv_links()
    {
        var today = new DateOnly(2027, 3, 10);
        var (group, resource) = (Guid.NewGuid(), Guid.NewGuid());
        var scope = new AnalyticsScope(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31), group.ToString(), resource.ToString());

        var url = scope.PageUrl(today);
        Assert.Equal($"/admin/analytics?from=2027-01-01&until=2027-01-31&groupId={group}&resourceId={resource}", url);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + url).Query);
        Assert.Equal(scope, AnalyticsScope.FromUrl(query["from"], query["until"], query["groupId"], query["resourceId"], today));
        Assert.Equal(new("2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z", group.ToString(), resource.ToString()), scope.Query());
        Assert.Equal($"/admin/analytics/export/peak.csv?from=2027-01-01T00%3A00%3A00Z&until=2027-02-01T00%3A00%3A00Z&groupId={group}&resourceId={resource}",
            scope.ExportUrl("peak"));
    }

    [Fact]
    public void The_default_period_stays_out_of_the_url_and_a_bad_day_falls_back_to_it_while_a_bad_id_goes_on_to_be_refused()
    {
        var today = new DateOnly(2027, 3, 10);
        var group = Guid.NewGuid();

        Assert.Equal("/admin/analytics", AnalyticsScope.Default(today).PageUrl(today));
        Assert.Equal($"/admin/analytics?groupId={group}", (AnalyticsScope.Default(today) with { GroupId = group.ToString() }).PageUrl(today));
        var read = AnalyticsScope.FromUrl("yesterday", null, group.ToString().ToUpperInvariant(), "room-1", today);
        Assert.Equal(new AnalyticsScope(new DateOnly(2027, 2, 9), today, group.ToString(), "room-1"), read);
    }

    private static AnalyticsDashboard Dashboard() => new(From, Until, "UTC", new AnalyticsTotals(2, 3, 4.5, 90, 0.05), [], [], true, null);

    private static PeakReport Peak(params (int Weekday, int Hour, long Bookings)[] busy) => new("UTC", From, Until,
        [.. from day in Enumerable.Range(1, 7) from hour in Enumerable.Range(0, 24)
            select new PeakHour(day, hour, busy.FirstOrDefault(b => b.Weekday == day && b.Hour == hour).Bookings)]);
}
