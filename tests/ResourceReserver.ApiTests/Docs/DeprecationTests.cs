using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ResourceReserver.Host.Hosting;

namespace ResourceReserver.ApiTests.Docs;

/// <summary>
/// A deprecated route answers with Deprecation, Sunset and Link, and the document marks it deprecated. No route of
/// the API is deprecated today, so a small app with the host's conventions and document maps one.
/// </summary>
public sealed class DeprecationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Since = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Sunset = new(2027, 7, 1, 0, 0, 0, TimeSpan.Zero);
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddReserverOpenApi();
        _app = builder.Build();
        _app.UseApiConventions();
        _app.MapGet("/api/v1/old-things", () => "old").WithName("OldThings").Deprecated(Since, Sunset, "/api/v1/things");
        _app.MapGet("/api/v1/things", () => "new").WithName("Things");
        _app.MapOpenApi();
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    [Fact]
    public async Task A_deprecated_route_says_since_when_until_when_and_what_replaces_it()
    {
        var response = await _client.GetAsync("/api/v1/old-things");

        Assert.Equal("@" + Since.ToUnixTimeSeconds(), response.Headers.GetValues("Deprecation").Single());
        Assert.Equal("Thu, 01 Jul 2027 00:00:00 GMT", response.Headers.GetValues("Sunset").Single());
        Assert.Equal("</api/v1/things>; rel=\"successor-version\"", response.Headers.GetValues("Link").Single());
        Assert.Equal("1", response.Headers.GetValues("api-version").Single());
    }

    [Fact]
    public async Task Other_routes_carry_no_deprecation()
    {
        var response = await _client.GetAsync("/api/v1/things");

        Assert.False(response.Headers.Contains("Deprecation"));
        Assert.False(response.Headers.Contains("Sunset"));
    }

    [Fact]
    public async Task The_document_marks_the_operation_deprecated()
    {
        var paths = (await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        var old = paths.GetProperty("/api/v1/old-things").GetProperty("get");
        Assert.True(old.GetProperty("deprecated").GetBoolean());
        Assert.Contains("2027-07-01", old.GetProperty("description").GetString());
        Assert.False(paths.GetProperty("/api/v1/things").GetProperty("get").TryGetProperty("deprecated", out _));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }
}
