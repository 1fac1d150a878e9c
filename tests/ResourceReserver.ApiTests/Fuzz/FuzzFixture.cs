using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Fuzz;

/// <summary>
/// A host of its own for the fuzz run. Webhook deliveries never start (their attempts would change rows at
/// moments no request explains), consumers poll often so a request's follow-up work settles quickly, and rate
/// limits are off so every variant reaches its endpoint.
/// </summary>
public sealed class FuzzFixture() : ApiFixture(new Dictionary<string, string>
{
    ["Webhooks:PollInterval"] = "01:00:00",
    ["Dispatch:PollInterval"] = "00:00:00.050",
    ["RateLimits:Enabled"] = "false",
});
