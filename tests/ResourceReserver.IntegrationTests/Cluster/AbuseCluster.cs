using System.Net.Http.Json;
using System.Text.Json;

namespace ResourceReserver.IntegrationTests.Cluster;

/// <summary>
/// Two silos on PostgreSQL and Redis, with a daily quota of 3 bookings for the <c>user</c> tier; an admin and the
/// users <c>bob</c>, <c>carol</c> and <c>dave</c>, signed in. Tests share it, so each books as a user of its own.
/// </summary>
public sealed class AbuseCluster : IAsyncLifetime
{
    private readonly string _clusterId = "abuse-" + Guid.NewGuid().ToString("N")[..8];

    public SiloProcess A { get; private set; } = null!;

    public SiloProcess B { get; private set; } = null!;

    /// <summary>The cluster's own database.</summary>
    public string Database { get; private set; } = "";

    /// <summary>Access tokens by username.</summary>
    public Dictionary<string, string> Tokens { get; } = [];

    /// <summary>User ids by username.</summary>
    public Dictionary<string, Guid> Ids { get; } = [];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Database = await TestServers.CreateDatabaseAsync();
        var settings = TestServers.ProductionSettings(Database, _clusterId);
        settings["Quotas__user__DailyBookings"] = "3";
        A = new SiloProcess("A", settings);
        B = new SiloProcess("B", settings);
        await Task.WhenAll(A.StartAsync(), B.StartAsync());
        foreach (var name in new[] { "admin", "bob", "carol", "dave" })
        {
            await ApiClient.RegisterAsync(A, name);
            Tokens[name] = await ApiClient.SignInAsync(B, name);
            using var client = ApiClient.For(A, Tokens[name]);
            Ids[name] = (await client.GetFromJsonAsync<JsonElement>("/api/v1/users/me")).GetProperty("id").GetGuid();
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AbuseClusterCollection : ICollectionFixture<AbuseCluster>
{
    public const string Name = "abuse-cluster";
}
