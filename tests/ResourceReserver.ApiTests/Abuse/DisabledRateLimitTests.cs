using ResourceReserver.ApiTests.Fuzz;

namespace ResourceReserver.ApiTests.Abuse;

/// <summary><c>RateLimits:Enabled=false</c> (benchmarks, load tests, the fuzz run) counts nothing and sends no headers.</summary>
public sealed class DisabledRateLimitTests(FuzzFixture api) : IClassFixture<FuzzFixture>
{
    [Fact]
    public async Task With_limits_off_nothing_is_refused_and_no_headers_are_sent()
    {
        var client = api.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.GetAsync("/api/v1/resources");
            response.EnsureSuccessStatusCode();
            Assert.False(response.Headers.Contains("X-RateLimit-Limit"));
        }
    }
}
