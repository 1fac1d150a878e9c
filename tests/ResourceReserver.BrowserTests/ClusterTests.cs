using Npgsql;
using ResourceReserver.BrowserTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ResourceReserver.BrowserTests;

/// <summary>The UI in the clustered mode: real PostgreSQL and Redis from .ci/run (RR_TEST_POSTGRES, RR_TEST_REDIS).</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterTests(BrowserOnly ui)
{
    [Fact]
    public async Task A_booking_through_one_silo_reaches_a_page_served_by_the_other()
    {
        var settings = Production(await CreateDatabaseAsync(), Environment.GetEnvironmentVariable("RR_TEST_REDIS") ?? throw Missing("RR_TEST_REDIS"));
        await using var siloA = new HostProcess("silo-a", settings);
        await using var siloB = new HostProcess("silo-b", settings);
        await Task.WhenAll(siloA.StartAsync(), siloB.StartAsync());
        using var apiB = new Api(siloB.BaseAddress);
        var admin = await apiB.UserAsync("admin");
        var resourceId = await apiB.CreateResourceAsync(admin, Slots.Resource(UiHost.Unique("two-silos")));
        await apiB.UserAsync("viewer");

        await using var context = await ui.Browser.NewContextAsync(new() { BaseURL = siloA.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.SignInAsync("viewer");
        await page.OpenAsync($"/resources/{resourceId}");
        await Expect(page.Locator("[data-kind=busy]")).ToHaveCountAsync(0);

        var day = Slots.Day(1);
        await apiB.BookAsync(admin, resourceId, Slots.At(day, 14), Slots.At(day, 15));
        await Expect(page.Locator("[data-kind=busy]")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("live-status")).ToContainTextAsync("Updated live");

        // The session cookie made by silo A opens pages on silo B: both read the DataProtection keys from Redis.
        await page.GotoAsync(new Uri(siloB.BaseAddress, "/reservations").ToString());
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My reservations", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_ui_stays_interactive_while_redis_is_unreachable()
    {
        using var redis = new RedisServer();
        redis.Start();
        var settings = HostProcess.Embedded();
        settings["Clustering__Provider"] = "Redis";
        settings["ConnectionStrings__Redis"] = redis.Endpoint;
        settings["Clustering__ClusterId"] = settings["Clustering__ServiceId"] = UiHost.Unique("outage");
        await using var silo = new HostProcess("redis-outage", settings);
        await silo.StartAsync();
        using var api = new Api(silo.BaseAddress);
        var admin = await api.UserAsync("admin");
        var name = UiHost.Unique("Outage room");
        await api.CreateResourceAsync(admin, Slots.Resource(name));

        // A running system: the UI has been used (DataProtection's key ring is loaded) before Redis goes away.
        using (var http = new HttpClient { BaseAddress = silo.BaseAddress })
        {
            (await http.GetAsync("/signin")).EnsureSuccessStatusCode();
        }

        redis.Kill();
        await using var context = await ui.Browser.NewContextAsync(new() { BaseURL = silo.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.SignInAsync("admin");
        await page.OpenAsync("/resources");
        await page.GetByLabel("Search").FillAsync(name);
        await Expect(page.GetByTestId("resource-card").Filter(new() { HasText = name })).ToBeVisibleAsync();
    }

    private static Dictionary<string, string> Production(string database, string redis)
    {
        var cluster = UiHost.Unique("ui-cluster");
        return new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = database,
            ["Clustering__Provider"] = "Redis",
            ["ConnectionStrings__Redis"] = redis,
            ["Clustering__ClusterId"] = cluster,
            ["Clustering__ServiceId"] = cluster,
        };
    }

    private static async Task<string> CreateDatabaseAsync()
    {
        var admin = Environment.GetEnvironmentVariable("RR_TEST_POSTGRES") ?? throw Missing("RR_TEST_POSTGRES");
        var name = "rr_ui_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    private static InvalidOperationException Missing(string variable) =>
        new($"{variable} is not set: run the suite through `bash .ci/run`, which starts PostgreSQL and Redis.");
}
