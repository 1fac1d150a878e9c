using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Endpoints;

/// <summary>Headers and formats every endpoint shares: api-version, X-Timezone, ISO 8601 durations.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiConventionsTests(ApiFixture api)
{
    [Theory]
    [InlineData("/api/v1/resources")]
    [InlineData("/api/v1/nope")]
    [InlineData("/live")]
    [InlineData("/openapi/v1.json")]
    public async Task Every_answer_names_the_api_version(string url)
    {
        var response = await api.Anonymous().GetAsync(url);

        Assert.Equal("1", response.Headers.GetValues("api-version").Single());
    }

    [Fact]
    public async Task X_Timezone_writes_the_same_instants_with_that_zones_offset()
    {
        var resourceId = await api.NewResourceAsync();
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(40), TimeSpan.Zero).AddHours(9);
        var id = await api.Admin.BookOkAsync(resourceId, start, start.AddHours(1));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reservations/{id}");
        request.Headers.Add("X-Timezone", "Asia/Kolkata");

        var response = await api.Admin.SendAsync(request);

        Assert.Equal("Asia/Kolkata", response.Headers.GetValues("X-Timezone").Single());
        var text = (await response.JsonAsync()).GetProperty("start").GetString()!;
        Assert.EndsWith("+05:30", text);
        Assert.Equal(start, DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
        var utc = (await api.Admin.GetOkAsync($"/api/v1/reservations/{id}")).GetProperty("start").GetString()!;
        Assert.EndsWith("Z", utc);
    }

    [Fact]
    public async Task An_unknown_X_Timezone_is_a_422_naming_the_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/resources");
        request.Headers.Add("X-Timezone", "Mars/Olympus_Mons");

        var response = await api.Anonymous().SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("X-Timezone", out _));
    }

    [Fact]
    public async Task Durations_are_iso_8601_both_ways()
    {
        var resourceId = await api.NewResourceAsync();

        var put = await api.Admin.PutAsJsonAsync($"/api/v1/resources/{resourceId}/hold-timing", new { holdDuration = "PT7M30S", offerWindow = "PT1H30M" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var timing = await api.Admin.GetOkAsync($"/api/v1/resources/{resourceId}/hold-timing");

        Assert.Equal("PT7M30S", timing.GetProperty("holdDuration").GetString());
        Assert.Equal("PT1H30M", timing.GetProperty("offerWindow").GetString());
        var legacy = await api.Admin.PutAsJsonAsync($"/api/v1/resources/{resourceId}/hold-timing", new { holdDuration = "00:05:00" });
        var problem = await legacy.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Contains("ISO 8601 duration", problem.GetProperty("errors").GetProperty("holdDuration")[0].GetString());
    }
}
