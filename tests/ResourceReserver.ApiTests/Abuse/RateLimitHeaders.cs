using System.Net;
using System.Text.Json;
using ResourceReserver.ApiTests.Endpoints;

namespace ResourceReserver.ApiTests.Abuse;

/// <summary>The rate-limit headers of one answer.</summary>
internal sealed record RateLimitHeaders(int Limit, int Remaining, int Reset)
{
    /// <summary>The headers, asserting that all three are there and well-formed.</summary>
    public static RateLimitHeaders Of(HttpResponseMessage response)
    {
        int Header(string name)
        {
            Assert.True(response.Headers.TryGetValues(name, out var values), $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri} has no {name}");
            return int.Parse(values.Single());
        }

        return new RateLimitHeaders(Header("X-RateLimit-Limit"), Header("X-RateLimit-Remaining"), Header("X-RateLimit-Reset"));
    }

    /// <summary>Asserts a 429 <c>rate_limited</c> problem with a <c>Retry-After</c> within the window; returns it in seconds.</summary>
    public static async Task<int> AssertRateLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal("rate_limited", problem.GetProperty("code").GetString());
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        var retryAfter = (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(JsonValueKind.Number, problem.GetProperty("retryAfter").ValueKind);
        return retryAfter;
    }
}
