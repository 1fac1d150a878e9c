using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.BadInput;

/// <summary>
/// Requests the framework cannot read (the root causes a probe found answering 5xx): unknown charsets, multipart
/// without or with a broken boundary, NUL characters, nulls inside lists and maps, malformed dashboard routes.
/// Each is a 4xx problem that names what is wrong (400 for framing, 422 naming the field for a bad value), and nothing is stored.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HostileInputTests(ApiFixture api)
{
    [Theory]
    [InlineData("application/json; charset=foo", HttpStatusCode.UnsupportedMediaType, "unsupported_charset")]
    [InlineData("application/json; charset=\"\"", HttpStatusCode.UnsupportedMediaType, "unsupported_charset")]
    [InlineData("application/json;;;=", HttpStatusCode.UnsupportedMediaType, "unsupported_media_type")]
    [InlineData("multipart/form-data", HttpStatusCode.BadRequest, "malformed_request")]
    [InlineData("multipart/form-data; boundary=xx", HttpStatusCode.BadRequest, "malformed_request")]
    public async Task Unreadable_framing_is_refused_before_any_endpoint(string contentType, HttpStatusCode status, string code)
    {
        var marker = ApiCalls.Marker();
        foreach (var url in new[] { "/api/v1/resources", "/api/v1/auth/token", "/api/v1/auth/register" })
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{{\"name\":\"{marker}\",\"username\":\"{marker}\"}}"));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);

            var response = await api.Admin.PostAsync(url, content);

            await response.AssertProblemAsync(status, code);
        }

        Assert.Empty(await api.Admin.ItemsAsync($"/api/v1/resources?q={marker}"));
    }

    [Fact]
    public async Task A_NUL_character_anywhere_is_refused_and_changes_nothing()
    {
        var marker = ApiCalls.Marker();
        var form = new ByteArrayContent(Encoding.UTF8.GetBytes($"grant_type=password&username={marker}\0x&password=x"));
        form.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        await (await api.Anonymous().PostAsync("/api/v1/auth/token", form)).AssertProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
        await (await api.Anonymous().GetAsync($"/api/v1/resources?q={marker}%00")).AssertProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
        var json = await api.Admin.PostRawAsync("/api/v1/resources", $"{{\"name\":\"{marker}\\u0000\"}}");
        var problem = await json.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Contains("NUL", problem.GetProperty("errors").GetProperty("name")[0].GetString());

        Assert.Empty(await api.Admin.ItemsAsync($"/api/v1/resources?q={marker}"));
    }

    [Theory]
    [InlineData("/api/v1/webhooks", "{\"url\":\"https://93.184.215.14/MARKER\",\"events\":[null]}", "events")]
    [InlineData("/api/v1/resources", "{\"name\":\"MARKER\",\"tags\":[\"a\",null]}", "tags")]
    [InlineData("/api/v1/resources", "{\"name\":\"MARKER\",\"attributes\":{\"floor\":null}}", "attributes")]
    [InlineData("/api/v1/resources", "{\"name\":\"MARKER\",\"businessHours\":[null]}", "businessHours")]
    public async Task A_null_inside_a_list_or_map_is_a_422_naming_the_field(string url, string template, string field)
    {
        var marker = ApiCalls.Marker();

        var response = await api.Admin.PostRawAsync(url, template.Replace("MARKER", marker));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty(await api.Admin.ItemsAsync($"/api/v1/resources?q={marker}"));
        Assert.DoesNotContain(marker, await api.Admin.GetStringAsync("/api/v1/webhooks"));
    }

    [Fact]
    public async Task An_explicit_null_for_an_optional_field_is_still_fine()
    {
        var response = await api.Admin.PostRawAsync("/api/v1/resources", $"{{\"name\":\"{ApiCalls.Marker()}\",\"description\":null,\"tags\":null}}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("SiloStats/abc")]
    [InlineData("SiloProperties/abc")]
    [InlineData("SiloCounters/not-an-address")]
    [InlineData("HistoricalStats/1.2.3.4")]
    public async Task Malformed_dashboard_silo_routes_are_400(string path)
    {
        var response = await api.Admin.GetAsync($"/dashboard/{path}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_silo_address");
    }

    [Theory]
    [InlineData("/api/v1/resources")]
    [InlineData("/api/v1/nope")]
    [InlineData("/live")]
    [InlineData("/docs/")]
    public async Task Every_answer_says_nosniff_and_no_referrer(string url)
    {
        var response = await api.Anonymous().GetAsync(url);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Html_pages_carry_a_strict_policy_that_forbids_framing()
    {
        var response = await api.Anonymous().GetAsync("/docs/");

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("object-src 'none'", policy);
    }
}
