using System.Net;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class HealthAndDocsTests(ApiFixture api)
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/live")]
    [InlineData("/ready")]
    public async Task Health_endpoints_answer_200(string path)
    {
        var response = await api.Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_is_json_with_a_status()
    {
        var body = await api.Anonymous().GetOkAsync("/health");
        Assert.True(body.TryGetProperty("status", out _), body.ToString());
    }

    [Fact]
    public async Task OpenApi_document_describes_the_reservation_endpoints()
    {
        var response = await api.Anonymous().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"/api/v1/reservations\"", text);
        Assert.Contains("\"/api/v1/resources\"", text);
    }

    [Fact]
    public async Task Docs_page_answers_200_after_redirects()
    {
        var docs = await api.Anonymous().GetAsync("/docs");
        var root = await api.Anonymous().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal("text/html", docs.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_api_path_returns_404_problem()
    {
        var response = await api.Anonymous().GetAsync("/api/v1/nothing-here");
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Wrong_method_returns_405_problem()
    {
        var response = await api.Anonymous().DeleteAsync("/api/v1/resources");
        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }
}
