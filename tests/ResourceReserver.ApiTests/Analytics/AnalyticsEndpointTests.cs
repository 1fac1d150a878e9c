using System.Net;
using System.Text.Json;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Analytics;

/// <summary>The analytics endpoints over HTTP: figures for known bookings, CSV exports, validation and permission.</summary>
[Collection(ApiCollection.Name)]
public sealed class AnalyticsEndpointTests(ApiFixture api)
{
    public static readonly string[] Reports = ["utilization", "popular", "peak", "users", "dashboard"];

    [Fact]
    public async Task Each_report_shows_the_figures_of_known_bookings()
    {
        var resource = await api.NewResourceAsync(capacity: 2, name: "Analytics room " + Guid.NewGuid().ToString("N")[..8]);
        var day = ApiFixture.FutureHour(daysAhead: 3, hour: 0);
        await api.Admin.BookOkAsync(resource, day.AddHours(9), day.AddHours(11));
        await api.Admin.BookOkAsync(resource, day.AddHours(10), day.AddHours(11).AddMinutes(30));
        var cancelled = await api.Admin.BookOkAsync(resource, day.AddHours(14), day.AddHours(15));
        Assert.Equal(HttpStatusCode.OK, (await api.Admin.PostAsync($"/api/v1/reservations/{cancelled}/cancel", null)).StatusCode);
        var query = $"from={Uri.EscapeDataString(day.ToString("O"))}&until={Uri.EscapeDataString(day.AddDays(1).ToString("O"))}&resourceId={resource}";

        var row = Assert.Single((await api.Admin.GetOkAsync($"/api/v1/analytics/utilization?{query}")).GetProperty("resources").EnumerateArray());
        Assert.Equal(2, row.GetProperty("bookings").GetInt64());
        Assert.Equal(3.5, row.GetProperty("bookedHours").GetDouble());
        Assert.Equal(48, row.GetProperty("openHours").GetDouble());
        Assert.Equal(3.5 / 48, row.GetProperty("utilization").GetDouble());

        var popular = Assert.Single((await api.Admin.GetOkAsync($"/api/v1/analytics/popular?{query}")).GetProperty("resources").EnumerateArray());
        Assert.Equal((1, 2L), (popular.GetProperty("rank").GetInt32(), popular.GetProperty("bookings").GetInt64()));

        var peak = await api.Admin.GetOkAsync($"/api/v1/analytics/peak?{query}&timeZone=Asia/Kolkata");
        Assert.Equal("Asia/Kolkata", peak.GetProperty("timeZone").GetString());
        var weekday = (int)day.DayOfWeek == 0 ? 7 : (int)day.DayOfWeek;
        var busy = peak.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("bookings").GetInt64() > 0)
            .Select(c => (c.GetProperty("weekday").GetInt32(), c.GetProperty("hour").GetInt32(), c.GetProperty("bookings").GetInt64())).ToList();
        Assert.Equal([(weekday, 14, 1L), (weekday, 15, 1L)], busy);

        var user = Assert.Single((await api.Admin.GetOkAsync($"/api/v1/analytics/users?{query}")).GetProperty("users").EnumerateArray());
        Assert.Equal(api.AdminId, user.GetProperty("userId").GetGuid());
        Assert.Equal((2L, 3.5, 1L, 0L), (user.GetProperty("bookings").GetInt64(), user.GetProperty("bookedHours").GetDouble(),
            user.GetProperty("cancellations").GetInt64(), user.GetProperty("noShows").GetInt64()));

        var dashboard = await api.Admin.GetOkAsync($"/api/v1/analytics/dashboard?{query}");
        Assert.Equal(2, dashboard.GetProperty("totals").GetProperty("bookings").GetInt64());
        Assert.True(dashboard.GetProperty("userStatistics").GetBoolean());
        Assert.Single(dashboard.GetProperty("topUsers").EnumerateArray());
    }

    [Fact]
    public async Task Exports_are_csv_with_a_header_and_the_same_rows()
    {
        var resource = await api.NewResourceAsync(name: "Export, \"quoted\" " + Guid.NewGuid().ToString("N")[..6]);
        var day = ApiFixture.FutureHour(daysAhead: 4, hour: 0);
        await api.Admin.BookOkAsync(resource, day.AddHours(8), day.AddHours(9));
        var query = $"from={Uri.EscapeDataString(day.ToString("O"))}&until={Uri.EscapeDataString(day.AddDays(1).ToString("O"))}&resourceId={resource}";

        foreach (var (report, header, rows) in new[]
                 {
                     ("utilization", "resourceId,name,capacity,bookings,bookedHours,openHours,utilization", 1),
                     ("popular", "rank,resourceId,name,bookings,bookedHours", 1),
                     ("peak", "timeZone,weekday,hour,bookings", 168),
                     ("users", "userId,username,bookings,bookedHours,cancellations,noShows", 1),
                 })
        {
            var response = await api.Admin.GetAsync($"/api/v1/analytics/export/{report}.csv?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(header, lines[0]);
            Assert.Equal(rows, lines.Length - 1);
        }

        var utilization = await (await api.Admin.GetAsync($"/api/v1/analytics/export/utilization.csv?{query}")).Content.ReadAsStringAsync();
        Assert.Contains("\"Export, \"\"quoted\"\" ", utilization);
        Assert.Contains(",1,1,24,", utilization);
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("until=2027-01-01T10:00:00", "until")]
    [InlineData("from=2027-01-02T00:00:00Z&until=2027-01-01T00:00:00Z", "until")]
    [InlineData("from=2027-01-01T00:00:00Z&until=2028-06-01T00:00:00Z", "until")]
    [InlineData("timeZone=Mars/Olympus", "timeZone")]
    [InlineData("groupId=floor-2", "groupId")]
    [InlineData("resourceId=42", "resourceId")]
    [InlineData("limit=0", "limit")]
    public async Task A_bad_query_is_a_422_naming_the_field_on_every_report(string query, string field)
    {
        foreach (var path in Reports.Select(r => $"/api/v1/analytics/{r}").Append("/api/v1/analytics/export/peak.csv"))
        {
            var problem = await (await api.Admin.GetAsync($"{path}?{query}")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{path}: {problem.GetRawText()}");
        }
    }

    [Fact]
    public async Task Unknown_resources_groups_and_reports_are_404()
    {
        await (await api.Admin.GetAsync($"/api/v1/analytics/utilization?resourceId={Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        await (await api.Admin.GetAsync($"/api/v1/analytics/peak?groupId={Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound, "group_not_found");
        await (await api.Admin.GetAsync("/api/v1/analytics/export/secrets.csv")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Members_and_anonymous_callers_are_refused()
    {
        var (member, _) = await api.NewUserAsync("member");
        var anonymous = api.Anonymous();
        foreach (var path in Reports.Select(r => $"/api/v1/analytics/{r}").Concat(["/api/v1/analytics/export/users.csv", "/admin/analytics/export/users.csv"]))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task A_role_with_analytics_read_alone_opens_the_reports()
    {
        var (analyst, analystId) = await api.NewUserAsync("analyst");
        var role = "analysts_" + Guid.NewGuid().ToString("N")[..8];
        (await api.Admin.PostAsync("/api/v1/roles", Json(new { name = role, permissions = new[] { "analytics.read" } }))).EnsureSuccessStatusCode();
        (await api.Admin.PostAsync($"/api/v1/users/{analystId}/roles", Json(new { role }))).EnsureSuccessStatusCode();

        Assert.Equal(JsonValueKind.Object, (await analyst.GetOkAsync("/api/v1/analytics/dashboard")).ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/v1/audit")).StatusCode);
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
