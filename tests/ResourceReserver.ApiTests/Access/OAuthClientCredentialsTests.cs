using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Access;

[Collection(ApiCollection.Name)]
public sealed class OAuthClientCredentialsTests(ApiFixture api)
{
    [Fact]
    public async Task A_read_scoped_token_lists_but_may_not_book()
    {
        var resourceId = await api.NewResourceAsync();
        var (owner, _) = await api.NewUserAsync("owner");
        var client = await OAuthArrange.ClientAsync(owner, ["read", "write"], "client_credentials");

        var response = await OAuthArrange.PostAsync(api.Anonymous(), "/api/v1/auth/token", client, ("grant_type", "client_credentials"), ("scope", "read"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("no-cache", response.Headers.Pragma.ToString());
        var token = await response.JsonAsync();
        Assert.Equal("read", token.GetProperty("scope").GetString());
        Assert.False(token.TryGetProperty("refresh_token", out _));

        var app = OAuthArrange.Bearer(api, token.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/api/v1/reservations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync($"/api/v1/resources/{resourceId}")).StatusCode);
        var start = ApiFixture.FutureHour(5);
        await (await app.BookAsync(resourceId, start, start.AddHours(1))).AssertProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        await (await app.GetAsync("/api/v1/users/me")).AssertProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        await (await app.PostAsync("/api/v1/users/me/mfa/setup", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");

        var writer = OAuthArrange.Bearer(api, (await OAuthArrange.ClientCredentialsAsync(api.Anonymous(), client, "read write")).GetProperty("access_token").GetString()!);
        var booked = await writer.BookAsync(resourceId, start, start.AddHours(1));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
    }

    [Fact]
    public async Task Clients_authenticate_by_form_or_basic_and_ask_only_for_their_scopes()
    {
        var (owner, _) = await api.NewUserAsync("owner");
        var client = await OAuthArrange.ClientAsync(owner, ["read"], "client_credentials");

        var basic = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.ClientId}:{client.Secret}")));
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().SendAsync(basic)).StatusCode);

        var wrong = await OAuthArrange.PostAsync(api.Anonymous(), "/api/v1/auth/token", client with { Secret = "not-the-secret" }, ("grant_type", "client_credentials"));
        await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_client");
        await (await OAuthArrange.PostAsync(api.Anonymous(), "/api/v1/auth/token", client, ("grant_type", "client_credentials"), ("scope", "read admin")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_scope");
        await (await OAuthArrange.PostAsync(api.Anonymous(), "/api/v1/auth/token", client, ("grant_type", "authorization_code"), ("code", "x")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "unauthorized_client");
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_rotating_it_ends_the_old_secret_and_tokens()
    {
        var (owner, _) = await api.NewUserAsync("owner");
        var client = await OAuthArrange.ClientAsync(owner, ["read"], "client_credentials");
        var app = OAuthArrange.Bearer(api, (await OAuthArrange.ClientCredentialsAsync(api.Anonymous(), client)).GetProperty("access_token").GetString()!);

        var listed = await owner.GetAsync("/api/v1/oauth/clients");
        var text = await listed.Content.ReadAsStringAsync();
        Assert.Contains(client.ClientId, text);
        Assert.DoesNotContain(client.Secret, text);
        Assert.DoesNotContain("clientSecret", text);

        var rotated = await owner.PostAsync($"/api/v1/oauth/clients/{client.ClientId}/rotate-secret", null);
        var fresh = (await rotated.JsonAsync()).GetProperty("clientSecret").GetString()!;
        Assert.NotEqual(client.Secret, fresh);
        await (await OAuthArrange.PostAsync(api.Anonymous(), "/api/v1/auth/token", client, ("grant_type", "client_credentials"))).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_client");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync("/api/v1/reservations")).StatusCode);
        await OAuthArrange.ClientCredentialsAsync(api.Anonymous(), client with { Secret = fresh });
    }

    [Fact]
    public async Task Only_the_owner_or_a_users_manager_sees_and_deletes_a_client()
    {
        var (owner, ownerId) = await api.NewUserAsync("owner");
        var (stranger, _) = await api.NewUserAsync("stranger");
        var client = await OAuthArrange.ClientAsync(owner, ["read"], "client_credentials");

        Assert.DoesNotContain(client.ClientId, await (await stranger.GetAsync("/api/v1/oauth/clients")).Content.ReadAsStringAsync());
        await (await stranger.GetAsync($"/api/v1/oauth/clients?userId={ownerId}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await stranger.DeleteAsync($"/api/v1/oauth/clients/{client.ClientId}")).AssertProblemAsync(HttpStatusCode.NotFound, "client_not_found");
        Assert.Contains(client.ClientId, await (await api.Admin.GetAsync($"/api/v1/oauth/clients?userId={ownerId}")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await api.Admin.DeleteAsync($"/api/v1/oauth/clients/{client.ClientId}")).StatusCode);
        await (await OAuthArrange.PostAsync(api.Anonymous(), "/api/v1/auth/token", client, ("grant_type", "client_credentials"))).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task A_client_never_exceeds_its_owner()
    {
        var resourceId = await api.NewResourceAsync();
        var (owner, ownerId, _) = await api.UserWithRolesAsync(api.Admin, "user");
        await (await owner.PostAsJsonAsync("/api/v1/oauth/clients", new { name = "Greedy", scopes = new[] { "admin" }, grantTypes = new[] { "client_credentials" } }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "scope_exceeds_permissions");
        var client = await OAuthArrange.ClientAsync(owner, ["read", "write"], "client_credentials");
        var app = OAuthArrange.Bearer(api, (await OAuthArrange.ClientCredentialsAsync(api.Anonymous(), client)).GetProperty("access_token").GetString()!);

        await (await app.PostAsJsonAsync("/api/v1/resources", new { name = "Nope " + ApiCalls.Marker() })).AssertProblemAsync(HttpStatusCode.Forbidden, "insufficient_scope");
        (await api.Admin.PostAsJsonAsync($"/api/v1/users/{ownerId}/roles", new { role = "guest" })).EnsureSuccessStatusCode();
        (await api.Admin.DeleteAsync($"/api/v1/users/{ownerId}/roles/user")).EnsureSuccessStatusCode();
        var start = ApiFixture.FutureHour(6);
        await (await app.BookAsync(resourceId, start, start.AddHours(1))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Registration_checks_scopes_grant_types_and_redirects()
    {
        var (owner, _) = await api.NewUserAsync("owner");
        async Task Refused(object body) =>
            await (await owner.PostAsJsonAsync("/api/v1/oauth/clients", body)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");

        await Refused(new { name = "x", scopes = new[] { "everything" }, grantTypes = new[] { "client_credentials" } });
        await Refused(new { name = "x", scopes = new[] { "read" }, grantTypes = new[] { "implicit" } });
        await Refused(new { name = "x", scopes = new[] { "read" }, grantTypes = new[] { "authorization_code" } });
        await Refused(new { name = "x", scopes = new[] { "read" }, grantTypes = new[] { "authorization_code" }, redirectUris = new[] { "http://evil.example.com/cb" } });
        await Refused(new { name = "", scopes = new[] { "read" }, grantTypes = new[] { "client_credentials" } });
    }
}
