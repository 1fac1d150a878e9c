using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Abuse;

/// <summary>Tier defaults from configuration (<c>Quotas:premium:DailyBookings=1</c> in this host).</summary>
[Collection(RateLimitCollection.Name)]
public sealed class TierQuotaTests(RateLimitFixture api)
{
    [Fact]
    public async Task A_tier_default_applies_to_its_members_and_other_tiers_stay_unlimited()
    {
        var username = await api.RegisterAsync("prem");
        var userId = await AccessArrange.IdOfAsync(api.Admin, username);
        (await api.Admin.PostAsJsonAsync($"/api/v1/users/{userId}/roles", new { role = "premium" })).EnsureSuccessStatusCode();
        using var premium = await api.SignedInAsync(username);
        var quota = await (await premium.GetAsync("/api/v1/users/me/quota")).JsonAsync();
        Assert.Equal(("premium", 1), (quota.GetProperty("tier").GetString(), quota.GetProperty("dailyBookings").GetInt32()));

        var resourceId = await api.NewResourceAsync();
        var start = ApiFixture.FutureHour(6, 8);
        Assert.Equal(HttpStatusCode.Created, (await premium.PostAsJsonAsync("/api/v1/reservations", new { resourceId, start, end = start.AddHours(1) })).StatusCode);
        var over = await premium.PostAsJsonAsync("/api/v1/reservations", new { resourceId, start = start.AddHours(1), end = start.AddHours(2) });
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Equal("quota_exceeded", (await over.JsonAsync()).GetProperty("code").GetString());

        var admin = await (await api.Admin.GetAsync("/api/v1/users/me/quota")).JsonAsync();
        Assert.Equal(("admin", System.Text.Json.JsonValueKind.Null), (admin.GetProperty("tier").GetString(), admin.GetProperty("dailyBookings").ValueKind));
    }
}
