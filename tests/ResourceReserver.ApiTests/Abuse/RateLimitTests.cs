using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging.Abstractions;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;
using ResourceReserver.Host.RateLimits;

namespace ResourceReserver.ApiTests.Abuse;

/// <summary>Per-tier request budgets, their headers, the stricter sign-in budgets, and what happens without Redis.</summary>
[Collection(RateLimitCollection.Name)]
public sealed class RateLimitTests(RateLimitFixture api)
{
    [Fact]
    public async Task Anonymous_callers_spend_a_budget_per_address_and_the_first_request_over_it_is_429_with_retry_after()
    {
        using var caller = api.From("10.1.0.1");
        for (var i = 1; i <= 6; i++)
        {
            var response = await caller.GetAsync("/api/v1/resources");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var headers = RateLimitHeaders.Of(response);
            Assert.Equal(6, headers.Limit);
            Assert.Equal(6 - i, headers.Remaining);
            Assert.InRange(headers.Reset, 1, 60);
        }

        var refused = await caller.GetAsync("/api/v1/resources");
        var retryAfter = await RateLimitHeaders.AssertRateLimitedAsync(refused);
        Assert.Equal(0, RateLimitHeaders.Of(refused).Remaining);
        Assert.InRange(RateLimitHeaders.Of(refused).Reset, 1, retryAfter);

        // Refused requests are answered before anything runs, malformed ones too.
        await RateLimitHeaders.AssertRateLimitedAsync(await caller.PostAsync("/api/v1/reservations", new StringContent("{", null, "application/json")));

        using var neighbour = api.From("10.1.0.2");
        var other = await neighbour.GetAsync("/api/v1/resources");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(5, RateLimitHeaders.Of(other).Remaining);
    }

    [Fact]
    public async Task Signed_in_callers_spend_one_budget_per_account_from_any_address_at_their_tier()
    {
        var (_, userId, token) = await RegisterAsync("10.2.0.1", "tier");
        using var fromHome = api.From("10.2.0.2", token);
        using var fromWork = api.From("10.2.0.3", token);

        var first = RateLimitHeaders.Of(await fromHome.GetAsync("/api/v1/users/me"));
        var second = RateLimitHeaders.Of(await fromWork.GetAsync("/api/v1/users/me"));
        Assert.Equal((8, 7), (first.Limit, first.Remaining));
        Assert.Equal((8, 6), (second.Limit, second.Remaining));

        (await api.Admin.PostAsJsonAsync($"/api/v1/users/{userId}/roles", new { role = "premium" })).EnsureSuccessStatusCode();
        var premium = RateLimitHeaders.Of(await fromHome.GetAsync("/api/v1/users/me"));
        Assert.Equal((10, 9), (premium.Limit, premium.Remaining));

        var admin = RateLimitHeaders.Of(await api.Admin.GetAsync("/api/v1/users/me"));
        Assert.Equal(1000, admin.Limit);
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address_before_any_password_is_hashed()
    {
        using var guesser = api.From("10.3.0.1");
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await AccessArrange.TokenAsync(guesser, ("grant_type", "password"), ("username", "ghost" + i), ("password", "Wrong#Pass1"))).StatusCode);
        }

        var refused = await AccessArrange.TokenAsync(guesser, ("grant_type", "password"), ("username", "ghost"), ("password", "Wrong#Pass1"));
        await RateLimitHeaders.AssertRateLimitedAsync(refused);
        Assert.Equal(4, RateLimitHeaders.Of(refused).Limit);

        // Registration shares the attempt budget: the address is spent.
        await RateLimitHeaders.AssertRateLimitedAsync(await guesser.PostAsJsonAsync("/api/v1/auth/register", new { username = "fresh" + ApiCalls.Marker(), password = ApiFixture.Password }));
    }

    [Fact]
    public async Task Sign_in_attempts_on_one_username_are_limited_whatever_address_they_come_from()
    {
        var (username, _, _) = await RegisterAsync("10.4.0.1", "victim");

        // Registering and signing in spent two of the username's four attempts; each guess comes from a new address.
        for (var i = 0; i < 2; i++)
        {
            using var botnet = api.From($"10.4.1.{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await AccessArrange.TokenAsync(botnet, ("grant_type", "password"), ("username", username), ("password", "Wrong#Pass1"))).StatusCode);
        }

        using var next = api.From("10.4.1.9");
        var refused = await AccessArrange.TokenAsync(next, ("grant_type", "password"), ("username", username), ("password", ApiFixture.Password));
        await RateLimitHeaders.AssertRateLimitedAsync(refused);
    }

    [Fact]
    public async Task Without_redis_requests_are_counted_in_the_silo_instead_of_failing()
    {
        // Nothing listens on port 1: every Redis call fails at once.
        using var budget = new RedisRequestBudget("127.0.0.1:1,connectTimeout=200", "no-redis", TimeSpan.FromMinutes(1), TimeProvider.System, NullLogger<RedisRequestBudget>.Instance);
        var answers = new List<BudgetAnswer>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await budget.SpendAsync("anonymous:10.9.9.9", 2));
        }

        Assert.Equal(new[] { true, true, false }, answers.Select(a => a.Allowed));
        Assert.Equal(new[] { 1, 0, 0 }, answers.Select(a => a.Remaining));
    }

    private async Task<(string Username, Guid UserId, string Token)> RegisterAsync(string address, string prefix)
    {
        using var client = api.From(address);
        var username = $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { username, password = ApiFixture.Password });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var token = await ApiFixture.SignInAsync(client, username);
        return (username, (await registered.JsonAsync()).GetProperty("id").GetGuid(), token.GetProperty("access_token").GetString()!);
    }
}
