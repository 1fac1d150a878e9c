using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResourceReserver.IntegrationTests.Cluster;

/// <summary>Production mode for real: two silo processes on PostgreSQL state and Redis membership.</summary>
public sealed class TwoSiloClusterTests
{
    [Fact]
    public async Task Two_silos_form_one_cluster_and_a_booking_through_one_conflicts_through_the_other_even_after_both_restart()
    {
        var database = await TestServers.CreateDatabaseAsync();
        var clusterId = "it-" + Guid.NewGuid().ToString("N")[..8];
        var settings = TestServers.ProductionSettings(database, clusterId);
        await using var siloA = new SiloProcess("A", settings);
        await using var siloB = new SiloProcess("B", settings);
        await Task.WhenAll(siloA.StartAsync(), siloB.StartAsync());
        await WaitForClusterSizeAsync(siloA, 2);
        await WaitForClusterSizeAsync(siloB, 2);

        await ApiClient.RegisterAsync(siloA, "admin");
        await ApiClient.RegisterAsync(siloB, "bob");
        using var adminOnA = ApiClient.For(siloA, await ApiClient.SignInAsync(siloA, "admin"));
        using var bobOnB = ApiClient.For(siloB, await ApiClient.SignInAsync(siloB, "bob"));
        var resourceId = await ApiClient.CreateResourceAsync(adminOnA, "Lab 1");
        var slot = ApiClient.Tomorrow(9);

        var throughA = await ApiClient.BookAsync(adminOnA, resourceId, slot, TimeSpan.FromHours(1));
        var throughB = await ApiClient.BookAsync(bobOnB, resourceId, slot.AddMinutes(30), TimeSpan.FromHours(1));
        var laterThroughB = await ApiClient.BookAsync(bobOnB, resourceId, slot.AddHours(1), TimeSpan.FromHours(1));

        Assert.Equal(HttpStatusCode.Created, throughA.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, throughB.StatusCode);
        Assert.Equal(HttpStatusCode.Created, laterThroughB.StatusCode);
        var firstId = (await throughA.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await Task.WhenAll(siloA.StopAsync(), siloB.StopAsync());
        await Task.WhenAll(siloA.StartAsync(), siloB.StartAsync());

        using var adminAgain = ApiClient.For(siloB, await ApiClient.SignInAsync(siloB, "admin"));
        var stored = await adminAgain.GetFromJsonAsync<JsonElement>($"/api/v1/reservations/{firstId}");
        Assert.Equal("confirmed", stored.GetProperty("status").GetString());
        using var bobOnA = ApiClient.For(siloA, await ApiClient.SignInAsync(siloA, "bob"));
        var afterRestart = await ApiClient.BookAsync(bobOnA, resourceId, slot, TimeSpan.FromMinutes(30));
        Assert.Equal(HttpStatusCode.Conflict, afterRestart.StatusCode);
        var list = await adminAgain.GetFromJsonAsync<JsonElement>($"/api/v1/reservations?resourceId={resourceId}");
        Assert.Equal(2, list.GetProperty("items").GetArrayLength());
    }

    private static async Task WaitForClusterSizeAsync(SiloProcess silo, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await ApiClient.ActiveSilosAsync(silo) == expected)
            {
                return;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"Silo {silo.Name} never saw {expected} active silos.\n{silo.Output}");
    }
}
