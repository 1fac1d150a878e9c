using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class AuthEndpointTests(ApiFixture api)
{
    private const string Token = "/api/v1/auth/token";

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.ToDictionary(f => f.Key, f => f.Value));

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string refreshToken) =>
        client.PostAsync(Token, Form(("grant_type", "refresh_token"), ("refresh_token", refreshToken)));

    [Fact]
    public async Task Register_returns_201_with_id_username_and_user_role()
    {
        var username = "reg_" + Guid.NewGuid().ToString("N")[..10];
        var response = await api.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { username, password = ApiFixture.Password, email = "a@example.com" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(username, body.GetProperty("username").GetString());
        Assert.NotEqual(Guid.Empty, body.GetProperty("id").GetGuid());
        var roles = body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("user", roles);
        Assert.DoesNotContain("admin", roles);
    }

    [Fact]
    public async Task Register_with_a_taken_username_returns_409_username_taken()
    {
        var username = await api.RegisterAsync();
        var response = await api.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { username, password = ApiFixture.Password });
        await response.AssertProblemAsync(HttpStatusCode.Conflict, "username_taken");
    }

    [Fact]
    public async Task Usernames_are_unique_case_insensitively_and_sign_in_ignores_case()
    {
        var username = await api.RegisterAsync("Case");
        var response = await api.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { username = username.ToLowerInvariant(), password = ApiFixture.Password });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "username_taken");
        await ApiFixture.SignInAsync(api.Anonymous(), username.ToUpperInvariant());
    }

    [Fact]
    public async Task Register_with_an_invalid_email_returns_422()
    {
        var username = "mail_" + Guid.NewGuid().ToString("N")[..10];
        var response = await api.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { username, password = ApiFixture.Password, email = "nope" });
        var body = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty("email", out _));
    }

    [Theory]
    [InlineData("short1!")]
    [InlineData("alllowercase1!")]
    [InlineData("NoDigitsHere!")]
    [InlineData("NoSymbols123")]
    public async Task Register_with_a_weak_password_returns_422(string password)
    {
        var username = "weak_" + Guid.NewGuid().ToString("N")[..10];
        var response = await api.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { username, password });
        var body = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty("password", out _));

        var login = await api.Anonymous().PostAsync(Token, Form(("grant_type", "password"), ("username", username), ("password", password)));
        await login.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    public async Task Register_with_an_invalid_username_returns_422(string username)
    {
        var response = await api.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { username, password = ApiFixture.Password });
        var body = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty("username", out _));
    }

    [Fact]
    public async Task Password_grant_works_as_form_and_as_json()
    {
        var username = await api.RegisterAsync();
        var form = await api.Anonymous().PostAsync(Token, Form(("grant_type", "password"), ("username", username), ("password", ApiFixture.Password)));
        var json = await api.Anonymous().PostAsJsonAsync(Token, new { grant_type = "password", username, password = ApiFixture.Password });

        foreach (var response in new[] { form, json })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.JsonAsync();
            Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
            Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
            Assert.False(string.IsNullOrEmpty(body.GetProperty("refresh_token").GetString()));
            Assert.True(body.GetProperty("expires_in").GetInt32() > 0);
        }
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_both_return_401_invalid_credentials()
    {
        var username = await api.RegisterAsync();
        var wrong = await api.Anonymous().PostAsync(Token, Form(("grant_type", "password"), ("username", username), ("password", "Wr0ng-Password!")));
        var unknown = await api.Anonymous().PostAsync(Token, Form(("grant_type", "password"), ("username", "nobody_" + Guid.NewGuid().ToString("N")[..8]), ("password", ApiFixture.Password)));

        await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await unknown.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Client_credentials_of_an_unknown_client_return_401_invalid_client()
    {
        var response = await api.Anonymous().PostAsync(Token, Form(("grant_type", "client_credentials"), ("client_id", "x"), ("client_secret", "y")));
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Theory]
    [InlineData("implicit")]
    [InlineData("")]
    [InlineData("PASSWORD")]
    public async Task Unknown_grant_type_returns_400_unsupported_grant_type(string grantType)
    {
        var response = await api.Anonymous().PostAsync(Token, Form(("grant_type", grantType)));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "unsupported_grant_type");
    }

    [Fact]
    public async Task Refresh_token_rotates_and_the_new_one_works()
    {
        var username = await api.RegisterAsync();
        var client = api.Anonymous();
        var first = await ApiFixture.SignInAsync(client, username);

        var refreshed = await RefreshAsync(client, first.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = await refreshed.JsonAsync();
        Assert.NotEqual(first.GetProperty("refresh_token").GetString(), second.GetProperty("refresh_token").GetString());

        var again = await RefreshAsync(client, second.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_family_so_even_the_newest_fails()
    {
        var username = await api.RegisterAsync();
        var client = api.Anonymous();
        var original = (await ApiFixture.SignInAsync(client, username)).GetProperty("refresh_token").GetString()!;
        var newest = (await (await RefreshAsync(client, original)).JsonAsync()).GetProperty("refresh_token").GetString()!;

        var replay = await RefreshAsync(client, original);
        await replay.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_grant");

        var afterTheft = await RefreshAsync(client, newest);
        await afterTheft.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_grant");
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("00000000000000000000000000000000.00000000000000000000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Garbage_refresh_token_returns_401_invalid_grant(string refreshToken)
    {
        var response = await RefreshAsync(api.Anonymous(), refreshToken);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_grant");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        var username = await api.RegisterAsync();
        var client = api.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsync(Token, Form(("grant_type", "password"), ("username", username), ("password", "Wr0ng-Password!")));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var right = await client.PostAsync(Token, Form(("grant_type", "password"), ("username", username), ("password", ApiFixture.Password)));
        await right.AssertProblemAsync(HttpStatusCode.Unauthorized, "account_locked");
    }

    [Fact]
    public async Task Logout_returns_204_and_the_refresh_token_then_fails()
    {
        var username = await api.RegisterAsync();
        var client = api.Anonymous();
        var tokens = await ApiFixture.SignInAsync(client, username);
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("access_token").GetString());

        var logout = await client.PostAsync("/api/v1/auth/logout", null);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        var refresh = await RefreshAsync(api.Anonymous(), tokens.GetProperty("refresh_token").GetString()!);
        await refresh.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_grant");
    }

    [Fact]
    public async Task Logout_without_a_token_returns_401_problem()
    {
        var response = await api.Anonymous().PostAsync("/api/v1/auth/logout", null);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, null);
    }

    [Fact]
    public async Task A_forged_bearer_token_returns_401()
    {
        var client = api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        var response = await client.GetAsync("/api/v1/users/me");
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, null);
    }
}
