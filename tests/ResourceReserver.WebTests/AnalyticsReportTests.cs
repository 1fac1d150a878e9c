using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Host.Components.Shared;

namespace ResourceReserver.WebTests;

/// <summary>The analytics tables of the admin page: utilization per resource, the busiest hours, and people only when
/// per-person statistics are on.</summary>
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

    private static AnalyticsDashboard Dashboard() => new(From, Until, "UTC", new AnalyticsTotals(2, 3, 4.5, 90, 0.05), [], [], true, null);

    private static PeakReport Peak(params (int Weekday, int Hour, long Bookings)[] busy) => new("UTC", From, Until,
        [.. from day in Enumerable.Range(1, 7) from hour in Enumerable.Range(0, 24)
            select new PeakHour(day, hour, busy.FirstOrDefault(b => b.Weekday == day && b.Hour == hour).Bookings)]);
}
