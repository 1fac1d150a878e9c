using System.Net.Http.Json;
using System.Text.Json;
using ResourceReserver.ApiTests.Fixtures;
using ResourceReserver.ApiTests.Fuzz;

namespace ResourceReserver.ApiTests.Abuse;

/// <summary>Every <c>/api</c> answer carries the rate-limit headers, whatever its status and whoever asked.</summary>
[Collection(ApiCollection.Name)]
public sealed class RateLimitHeaderWalkTests(ApiFixture api)
{
    [Fact]
    public async Task Every_operation_of_the_api_answers_with_the_rate_limit_headers()
    {
        var document = await api.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = FuzzOperation.From(document).Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.True(operations.Count > 50, $"only {operations.Count} operations in the document");

        // A user of its own: walking every operation signs it out, deletes things and changes its password.
        var (user, _) = await api.NewUserAsync("walk");
        var anonymous = api.Anonymous();
        var seen = new List<string>();
        foreach (var operation in operations)
        {
            foreach (var (who, client) in new[] { ("user", user), ("anonymous", anonymous) })
            {
                var path = operation.PathParameters.Aggregate(operation.Path, (p, name) => p.Replace($"{{{name}}}", Guid.NewGuid().ToString()));
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
                if (operation.TakesBody)
                {
                    request.Content = JsonContent.Create(new { });
                }

                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                RateLimitHeaders.Of(response);
                seen.Add($"{(int)response.StatusCode}");
            }
        }

        // Answers decided before any endpoint: no route, a malformed request, an unreadable body.
        RateLimitHeaders.Of(await anonymous.GetAsync("/api/v1/no-such-thing"));
        RateLimitHeaders.Of(await anonymous.GetAsync("/api/v1/resources?q=%00"));
        RateLimitHeaders.Of(await user.PostAsync("/api/v1/reservations", new StringContent("{", null, "application/json")));
        Assert.Contains(seen, s => s.StartsWith('2'));
        Assert.Contains(seen, s => s.StartsWith('4'));
    }

    [Fact]
    public async Task Answers_outside_the_api_carry_no_rate_limit_headers()
    {
        var response = await api.Anonymous().GetAsync("/health");
        Assert.False(response.Headers.Contains("X-RateLimit-Limit"));
    }
}
