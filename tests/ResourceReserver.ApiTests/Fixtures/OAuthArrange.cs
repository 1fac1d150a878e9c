using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using ResourceReserver.ApiTests.Endpoints;

namespace ResourceReserver.ApiTests.Fixtures;

/// <summary>A registered OAuth2 client as a test holds it.</summary>
public sealed record TestClient(string ClientId, string Secret, string RedirectUri);

/// <summary>Registering OAuth2 clients and running their flows through the API.</summary>
public static class OAuthArrange
{
    public const string RedirectUri = "https://app.example.com/callback";

    /// <summary>Registers a client owned by <paramref name="owner"/>.</summary>
    public static async Task<TestClient> ClientAsync(HttpClient owner, string[] scopes, params string[] grantTypes)
    {
        var response = await owner.PostAsJsonAsync("/api/v1/oauth/clients", new
        {
            name = "Test app " + ApiCalls.Marker(),
            scopes,
            grantTypes = grantTypes.Length == 0 ? ["client_credentials", "authorization_code", "refresh_token"] : grantTypes,
            redirectUris = new[] { RedirectUri },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        return new TestClient(body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!, RedirectUri);
    }

    /// <summary>Posts a form to a token-ish endpoint with the client's credentials in the form.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string url, TestClient client, params (string Key, string Value)[] fields) =>
        http.PostAsync(url, new FormUrlEncodedContent(fields.Append(("client_id", client.ClientId)).Append(("client_secret", client.Secret)).ToDictionary(f => f.Item1, f => f.Item2)));

    /// <summary>A client_credentials token response (asserting 200).</summary>
    public static async Task<JsonElement> ClientCredentialsAsync(HttpClient http, TestClient client, string? scope = null)
    {
        var fields = new List<(string, string)> { ("grant_type", "client_credentials") };
        if (scope is not null)
        {
            fields.Add(("scope", scope));
        }

        var response = await PostAsync(http, "/api/v1/auth/token", client, [.. fields]);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    /// <summary>A client sending <paramref name="accessToken"/>.</summary>
    public static HttpClient Bearer(ApiFixture api, string accessToken)
    {
        var http = api.Anonymous();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    /// <summary>A PKCE verifier and its S256 challenge.</summary>
    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(48));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    /// <summary>The signed-in user (bearer <paramref name="user"/>) authorizes the client; returns the redirect's Location.</summary>
    public static async Task<Uri> AuthorizeAsync(ApiFixture api, HttpClient user, TestClient client, string challenge, string scope = "read write", string state = "xyz")
    {
        var browser = api.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Authorization = user.DefaultRequestHeaders.Authorization;
        var url = $"/api/v1/oauth/authorize?response_type=code&client_id={client.ClientId}&redirect_uri={Uri.EscapeDataString(client.RedirectUri)}"
            + $"&scope={Uri.EscapeDataString(scope)}&state={state}&code_challenge={challenge}&code_challenge_method=S256";
        var response = await browser.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!;
    }

    /// <summary>One query parameter of a URI.</summary>
    public static string? Query(Uri uri, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).TryGetValue(name, out var value) ? value.ToString() : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
