using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Endpoints;

/// <summary>Small request helpers and problem+json assertions shared by the endpoint and bad-input tests.</summary>
public static class ApiCalls
{
    /// <summary>Books one slot and returns the raw response.</summary>
    public static Task<HttpResponseMessage> BookAsync(
        this HttpClient client, Guid resourceId, DateTimeOffset start, DateTimeOffset end, string? title = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reservations")
        {
            Content = JsonContent.Create(new { resourceId, start, end, title }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    /// <summary>Books one slot, asserts 201 and returns the reservation id.</summary>
    public static async Task<Guid> BookOkAsync(this HttpClient client, Guid resourceId, DateTimeOffset start, DateTimeOffset end, string? title = null)
    {
        var response = await client.BookAsync(resourceId, start, end, title);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>Posts raw text with the given content type.</summary>
    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string body, string contentType = "application/json") =>
        client.PostAsync(url, new StringContent(body, Encoding.UTF8, contentType));

    /// <summary>The body as JSON.</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>GETs a URL, asserts 200 and returns the JSON body.</summary>
    public static async Task<JsonElement> GetOkAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    /// <summary>The items of a paged list.</summary>
    public static async Task<List<JsonElement>> ItemsAsync(this HttpClient client, string url) =>
        (await client.GetOkAsync(url)).GetProperty("items").EnumerateArray().ToList();

    /// <summary>Asserts status, problem+json content type and the stable <c>code</c>; returns the body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {code} but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.True(body.TryGetProperty("code", out var actual), $"No code in {text}");
        if (code is not null)
        {
            Assert.Equal(code, actual.GetString());
        }

        return body;
    }

    /// <summary>Asserts a 4xx problem response (any client error, never a 5xx).</summary>
    public static async Task AssertClientErrorAsync(this HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"Expected a 4xx but got {status}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Registers an account with a unique name and returns the username.</summary>
    public static async Task<string> RegisterAsync(this ApiFixture api, string prefix = "acct")
    {
        var username = $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        var response = await api.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { username, password = ApiFixture.Password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return username;
    }

    /// <summary>A marker unique to one test, to find what it stored.</summary>
    public static string Marker() => "m" + Guid.NewGuid().ToString("N")[..12];
}
