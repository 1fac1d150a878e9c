using System.Net;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Analytics;

/// <summary>A host with per-person statistics switched off (works-council privacy).</summary>
public sealed class UserStatisticsOffFixture() : ApiFixture(new Dictionary<string, string> { ["Analytics:UserStatistics"] = "false" });

/// <summary>With <c>Analytics:UserStatistics=false</c> nothing names a person: the users report and its export are refused, the dashboard leaves them out.</summary>
public sealed class UserStatisticsOffTests(UserStatisticsOffFixture api) : IClassFixture<UserStatisticsOffFixture>
{
    [Fact]
    public async Task The_users_report_and_its_export_are_403_and_the_dashboard_omits_users()
    {
        var resource = await api.NewResourceAsync();
        var start = ApiFixture.FutureHour(daysAhead: 2, hour: 10);
        await api.Admin.BookOkAsync(resource, start, start.AddHours(1));

        await (await api.Admin.GetAsync("/api/v1/analytics/users")).AssertProblemAsync(HttpStatusCode.Forbidden, "user_statistics_disabled");
        await (await api.Admin.GetAsync("/api/v1/analytics/export/users.csv")).AssertProblemAsync(HttpStatusCode.Forbidden, "user_statistics_disabled");

        var until = Uri.EscapeDataString(start.AddDays(1).ToString("O"));
        var dashboard = await api.Admin.GetOkAsync($"/api/v1/analytics/dashboard?until={until}");
        Assert.False(dashboard.GetProperty("userStatistics").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, dashboard.GetProperty("topUsers").ValueKind);
        Assert.Equal(1, dashboard.GetProperty("totals").GetProperty("bookings").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await api.Admin.GetAsync($"/api/v1/analytics/utilization?until={until}")).StatusCode);

        var (member, _) = await api.NewUserAsync("member");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/v1/analytics/users")).StatusCode);
        await (await member.GetAsync("/api/v1/analytics/users")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
