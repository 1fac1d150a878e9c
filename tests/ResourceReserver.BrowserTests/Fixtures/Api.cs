using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResourceReserver.BrowserTests.Fixtures;

/// <summary>Arranges data through the REST API, as another client (the CLI, an integration) would.</summary>
public sealed class Api(Uri baseAddress) : IDisposable
{
    /// <summary>The password every test account uses.</summary>
    public const string Password = "Str0ng-Passw0rd!";

    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Registers (ignoring "taken") and returns a bearer token for <paramref name="username"/>.</summary>
    public async Task<string> UserAsync(string username)
    {
        var registered = await _http.PostAsJsonAsync("/api/v1/auth/register", new { username, password = Password });
        if (registered.StatusCode != HttpStatusCode.Created && registered.StatusCode != HttpStatusCode.Conflict)
        {
            throw new InvalidOperationException($"register {username}: {(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync()}");
        }

        var token = await _http.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = username, ["password"] = Password,
        }));
        return (await Json(token)).GetProperty("access_token").GetString()!;
    }

    /// <summary>Creates a resource (as administrator) and returns its id.</summary>
    public async Task<Guid> CreateResourceAsync(string adminToken, object body) =>
        (await Json(await SendAsync(HttpMethod.Post, "/api/v1/resources", adminToken, body))).GetProperty("id").GetGuid();

    /// <summary>Creates a top-level group (as administrator) and returns its id.</summary>
    public async Task<Guid> CreateGroupAsync(string adminToken, string name, string kind = "building") =>
        (await Json(await SendAsync(HttpMethod.Post, "/api/v1/groups", adminToken, new { name, kind }))).GetProperty("id").GetGuid();

    /// <summary>Books a slot and returns the reservation id.</summary>
    public async Task<Guid> BookAsync(string token, Guid resourceId, DateTimeOffset start, DateTimeOffset end) =>
        (await Json(await SendAsync(HttpMethod.Post, "/api/v1/reservations", token, new { resourceId, start, end }))).GetProperty("id").GetGuid();

    /// <summary>Cancels a reservation.</summary>
    public async Task CancelAsync(string token, Guid reservationId) =>
        await Json(await SendAsync(HttpMethod.Post, $"/api/v1/reservations/{reservationId}/cancel", token, new { }));

    /// <summary>Ends every session of the token's account.</summary>
    public async Task LogoutAsync(string token) =>
        (await SendAsync(HttpMethod.Post, "/api/v1/auth/logout", token, null)).EnsureSuccessStatusCode();

    /// <summary>The reservations of the token's account.</summary>
    public async Task<JsonElement> ReservationsAsync(string token) =>
        (await Json(await SendAsync(HttpMethod.Get, "/api/v1/reservations?limit=100", token, null))).GetProperty("items");

    /// <summary>GETs <paramref name="path"/> as the token's account and returns the JSON answer.</summary>
    public async Task<JsonElement> GetAsync(string token, string path) =>
        await Json(await SendAsync(HttpMethod.Get, path, token, null));

    /// <summary>Posts a form (the OAuth2 token endpoint) and returns the status and the JSON answer.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostFormAsync(string path, Dictionary<string, string> fields)
    {
        using var response = await _http.PostAsync(path, new FormUrlEncodedContent(fields));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await _http.SendAsync(request);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}
