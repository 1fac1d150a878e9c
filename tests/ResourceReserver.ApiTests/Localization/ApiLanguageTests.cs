using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;
using ResourceReserver.Host.Hosting;

namespace ResourceReserver.ApiTests.Localization;

/// <summary><c>Accept-Language</c> words problems in en, es or fr and <c>Content-Language</c> says which; codes never change.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiLanguageTests(ApiFixture api)
{
    [Theory]
    [InlineData(null, "en")]
    [InlineData("", "en")]
    [InlineData("es", "es")]
    [InlineData("fr-CA", "fr")]
    [InlineData("de-DE, fr;q=0.5, es;q=0.8", "es")]
    [InlineData("de, *;q=0.1", "en")]
    [InlineData("es;q=0, fr", "fr")]
    [InlineData("pt-BR", "en")]
    [InlineData("not a ;;; language", "en")]
    public void The_best_spoken_language_is_chosen(string? header, string expected) =>
        Assert.Equal(expected, ApiLanguage.Choose(header));

    [Theory]
    [InlineData("es", "Recurso no encontrado", "No existe ese recurso.")]
    [InlineData("fr", "Ressource introuvable", "Cette ressource n'existe pas.")]
    public async Task A_problem_is_worded_in_the_asked_language_with_the_same_code(string language, string title, string detail)
    {
        var response = await SendAsync(HttpMethod.Get, $"/api/v1/resources/{Guid.NewGuid()}", language);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.Equal(language, response.Content.Headers.ContentLanguage.Single());
    }

    [Fact]
    public async Task English_keeps_the_specific_detail_and_takes_the_codes_title()
    {
        var id = Guid.NewGuid();

        var response = await SendAsync(HttpMethod.Get, $"/api/v1/resources/{id}", null);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        Assert.Equal("Resource not found", problem.GetProperty("title").GetString());
        Assert.Contains(id.ToString(), problem.GetProperty("detail").GetString());
        Assert.Equal("en", response.Content.Headers.ContentLanguage.Single());
    }

    [Fact]
    public async Task A_validation_problem_in_spanish_names_the_fields_unchanged()
    {
        var response = await SendAsync(HttpMethod.Post, "/api/v1/reservations", "es", """{"resourceId":"x","strat":"2027-01-10T09:00:00Z"}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_field");
        Assert.Equal("Campo desconocido", problem.GetProperty("title").GetString());
        Assert.Contains("strat", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("strat", out _));
    }

    [Fact]
    public async Task Framework_problems_are_worded_too()
    {
        var unauthorized = await SendAsync(HttpMethod.Get, "/api/v1/users/me", "fr");
        var missing = await SendAsync(HttpMethod.Get, "/api/v1/no-such-thing", "es");

        Assert.Equal("Non authentifié", (await unauthorized.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized")).GetProperty("title").GetString());
        Assert.Equal("No encontrado", (await missing.AssertProblemAsync(HttpStatusCode.NotFound, "not_found")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_saved_language_is_one_of_en_es_fr()
    {
        var (client, _) = await api.NewUserAsync("lang");

        var refused = await client.PatchAsJsonAsync("/api/v1/users/me", new { language = "de" });
        var saved = await client.PatchAsJsonAsync("/api/v1/users/me", new { language = "fr" });

        var problem = await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("language", out _));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("fr", (await client.GetOkAsync("/api/v1/users/me")).GetProperty("preferences").GetProperty("language").GetString());
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? language, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return await (method == HttpMethod.Post ? api.Admin : api.Anonymous()).SendAsync(request);
    }
}
