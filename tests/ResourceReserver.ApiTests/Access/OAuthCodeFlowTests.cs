using System.Net;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Access;

[Collection(ApiCollection.Name)]
public sealed class OAuthCodeFlowTests(ApiFixture api)
{
    private Task<HttpResponseMessage> RedeemAsync(TestClient client, string code, string verifier) =>
        OAuthArrange.PostAsync(api.Anonymous(), "/api/v1/auth/token", client,
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", client.RedirectUri), ("code_verifier", verifier));

    [Fact]
    public async Task The_code_flow_completes_with_the_verifier_and_acts_for_the_user_who_consented()
    {
        var (developer, _) = await api.NewUserAsync("dev");
        var client = await OAuthArrange.ClientAsync(developer, ["read", "write"], "authorization_code", "refresh_token");
        var (user, userId) = await api.NewUserAsync("consenting");
        var (verifier, challenge) = OAuthArrange.Pkce();

        var location = await OAuthArrange.AuthorizeAsync(api, user, client, challenge, "read");
        Assert.StartsWith(client.RedirectUri, location.ToString());
        Assert.Equal("xyz", OAuthArrange.Query(location, "state"));
        var redeemed = await RedeemAsync(client, OAuthArrange.Query(location, "code")!, verifier);
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        var tokens = await redeemed.JsonAsync();

        var app = OAuthArrange.Bearer(api, tokens.GetProperty("access_token").GetString()!);
        var mine = await app.GetOkAsync("/api/v1/reservations");
        Assert.NotNull(mine.GetProperty("items").ToString());
        var introspected = await (await OAuthArrange.PostAsync(api.Anonymous(), "/api/v1/oauth/introspect", client, ("token", tokens.GetProperty("access_token").GetString()!))).JsonAsync();
        Assert.True(introspected.GetProperty("active").GetBoolean());
        Assert.Equal(userId.ToString(), introspected.GetProperty("sub").GetString());
        Assert.Equal("read", introspected.GetProperty("scope").GetString());
        Assert.Equal(client.ClientId, introspected.GetProperty("client_id").GetString());
        Assert.True(introspected.GetProperty("exp").GetInt64() > DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        var refreshed = await OAuthArrange.PostAsync(api.Anonymous(), "/api/v1/auth/token", client, ("grant_type", "refresh_token"), ("refresh_token", tokens.GetProperty("refresh_token").GetString()!));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        await (await OAuthArrange.PostAsync(api.Anonymous(), "/api/v1/auth/token", client, ("grant_type", "refresh_token"), ("refresh_token", tokens.GetProperty("refresh_token").GetString()!)))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_grant");
    }

    [Fact]
    public async Task A_wrong_verifier_fails_and_spends_the_code()
    {
        var (developer, _) = await api.NewUserAsync("dev");
        var client = await OAuthArrange.ClientAsync(developer, ["read"], "authorization_code");
        var (verifier, challenge) = OAuthArrange.Pkce();
        var code = OAuthArrange.Query(await OAuthArrange.AuthorizeAsync(api, developer, client, challenge, "read"), "code")!;

        await (await RedeemAsync(client, code, OAuthArrange.Pkce().Verifier)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_grant");
        await (await RedeemAsync(client, code, verifier)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_grant");
    }

    [Fact]
    public async Task A_code_used_twice_revokes_the_tokens_it_gave()
    {
        var (developer, _) = await api.NewUserAsync("dev");
        var client = await OAuthArrange.ClientAsync(developer, ["read"], "authorization_code");
        var (verifier, challenge) = OAuthArrange.Pkce();
        var code = OAuthArrange.Query(await OAuthArrange.AuthorizeAsync(api, developer, client, challenge, "read"), "code")!;
        var token = (await (await RedeemAsync(client, code, verifier)).JsonAsync()).GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await OAuthArrange.Bearer(api, token).GetAsync("/api/v1/reservations")).StatusCode);

        await (await RedeemAsync(client, code, verifier)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_grant");

        Assert.Equal(HttpStatusCode.Unauthorized, (await OAuthArrange.Bearer(api, token).GetAsync("/api/v1/reservations")).StatusCode);
    }

    [Fact]
    public async Task Authorization_problems_with_the_client_are_not_redirected_and_the_rest_are()
    {
        var (developer, _) = await api.NewUserAsync("dev");
        var client = await OAuthArrange.ClientAsync(developer, ["read"], "authorization_code");
        var (_, challenge) = OAuthArrange.Pkce();

        await (await developer.GetAsync($"/api/v1/oauth/authorize?response_type=code&client_id={client.ClientId}&redirect_uri=https://evil.example.com/&code_challenge={challenge}&code_challenge_method=S256"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_redirect_uri");
        var noPkce = await OAuthArrange.AuthorizeAsync(api, developer, client, "plain", "read");
        Assert.Equal("invalid_request", OAuthArrange.Query(noPkce, "error"));
        var tooMuch = await OAuthArrange.AuthorizeAsync(api, developer, client, challenge, "read admin");
        Assert.Equal("invalid_scope", OAuthArrange.Query(tooMuch, "error"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().GetAsync($"/api/v1/oauth/authorize?client_id={client.ClientId}")).StatusCode);
    }

    [Fact]
    public async Task Revoked_tokens_stop_working_and_introspect_inactive()
    {
        var (developer, _) = await api.NewUserAsync("dev");
        var client = await OAuthArrange.ClientAsync(developer, ["read"]);
        var other = await OAuthArrange.ClientAsync(developer, ["read"]);
        var (verifier, challenge) = OAuthArrange.Pkce();
        var code = OAuthArrange.Query(await OAuthArrange.AuthorizeAsync(api, developer, client, challenge, "read"), "code")!;
        var tokens = await (await RedeemAsync(client, code, verifier)).JsonAsync();
        var access = tokens.GetProperty("access_token").GetString()!;
        var refresh = tokens.GetProperty("refresh_token").GetString()!;
        var cc = (await OAuthArrange.ClientCredentialsAsync(api.Anonymous(), client)).GetProperty("access_token").GetString()!;

        async Task<bool> ActiveAsync(TestClient asker, string token) =>
            (await (await OAuthArrange.PostAsync(api.Anonymous(), "/api/v1/oauth/introspect", asker, ("token", token))).JsonAsync()).GetProperty("active").GetBoolean();

        Assert.True(await ActiveAsync(client, refresh));
        Assert.False(await ActiveAsync(other, access), "another client's token is none of its business");
        Assert.False(await ActiveAsync(client, "garbage"));

        Assert.Equal(HttpStatusCode.OK, (await OAuthArrange.PostAsync(api.Anonymous(), "/api/v1/oauth/revoke", client, ("token", access))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await OAuthArrange.Bearer(api, access).GetAsync("/api/v1/reservations")).StatusCode);
        Assert.False(await ActiveAsync(client, access));
        Assert.False(await ActiveAsync(client, refresh), "revoking the access token ends its grant, refresh token included");

        Assert.True(await ActiveAsync(client, cc));
        Assert.Equal(HttpStatusCode.OK, (await OAuthArrange.PostAsync(api.Anonymous(), "/api/v1/oauth/revoke", client, ("token", cc))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await OAuthArrange.Bearer(api, cc).GetAsync("/api/v1/reservations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await OAuthArrange.PostAsync(api.Anonymous(), "/api/v1/oauth/revoke", client, ("token", "unknown"))).StatusCode);
        await (await OAuthArrange.PostAsync(api.Anonymous(), "/api/v1/oauth/revoke", client with { Secret = "x" }, ("token", cc))).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_client");
    }
}
