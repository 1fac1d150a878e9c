using System.Net;
using System.Text.Json;

namespace ResourceReserver.IntegrationTests.Cluster;

/// <summary>Two real silos on PostgreSQL and Redis count requests in one budget (Redis), with the default limits.</summary>
public sealed class SharedRateLimitTests
{
    [Fact]
    public async Task The_61st_anonymous_request_within_a_minute_across_both_silos_is_429_with_retry_after()
    {
        var database = await TestServers.CreateDatabaseAsync();
        var settings = TestServers.ProductionSettings(database, "rl-" + Guid.NewGuid().ToString("N")[..8]);
        settings["RateLimits__Anonymous"] = "60";
        await using var siloA = new SiloProcess("A", settings);
        await using var siloB = new SiloProcess("B", settings);
        await Task.WhenAll(siloA.StartAsync(), siloB.StartAsync());
        using var throughA = ApiClient.For(siloA);
        using var throughB = ApiClient.For(siloB);

        for (var i = 1; i <= 60; i++)
        {
            var response = await (i % 2 == 0 ? throughA : throughB).GetAsync("/api/v1/resources");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("60", response.Headers.GetValues("X-RateLimit-Limit").Single());
            Assert.Equal((60 - i).ToString(), response.Headers.GetValues("X-RateLimit-Remaining").Single());
        }

        foreach (var client in new[] { throughA, throughB })
        {
            var refused = await client.GetAsync("/api/v1/resources");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
            Assert.Equal("0", refused.Headers.GetValues("X-RateLimit-Remaining").Single());
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("rate_limited", problem.GetProperty("code").GetString());
        }
    }
}
