using System.Net.Http.Headers;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Abuse;

/// <summary>
/// A host of its own with small limits (anonymous 6, user 8, premium 10, admin 1000, sign-in attempts 4 per minute) and
/// a premium quota of 1 booking a day. Each test speaks from its own client addresses, so budgets never mix.
/// </summary>
public sealed class RateLimitFixture() : ApiFixture(new Dictionary<string, string>
{
    ["RateLimits:Anonymous"] = "6",
    ["RateLimits:Guest"] = "7",
    ["RateLimits:User"] = "8",
    ["RateLimits:Premium"] = "10",
    ["RateLimits:Admin"] = "1000",
    ["RateLimits:Auth"] = "4",
    ["Quotas:premium:DailyBookings"] = "1",
})
{
    /// <summary>A client whose requests come from <paramref name="address"/>, with an optional bearer token.</summary>
    public HttpClient From(string address, string? token = null)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add(ReserverApiFactory.ClientAddressHeader, address);
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class RateLimitCollection : ICollectionFixture<RateLimitFixture>
{
    public const string Name = "rate-limits";
}
