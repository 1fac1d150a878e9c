using Microsoft.AspNetCore.Hosting;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Hosting;

/// <summary>A bad configured signing key stops start-up with a clear message instead of failing requests later.</summary>
public sealed class SigningKeyStartupTests
{
    [Theory]
    [InlineData("not base64 at all!", "not valid base64")]
    [InlineData("c2hvcnQ=", "at least 32 bytes")]
    public void A_bad_signing_key_stops_the_host_at_start(string key, string message)
    {
        using var factory = new ReserverApiFactory();
        using var misconfigured = factory.WithWebHostBuilder(builder => builder.UseSetting("Auth:SigningKey", key));

        var failure = Record.Exception(() => misconfigured.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains(message, failure.ToString());
    }
}
