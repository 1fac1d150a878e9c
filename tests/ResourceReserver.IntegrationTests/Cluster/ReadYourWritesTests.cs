using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResourceReserver.IntegrationTests.Cluster;

/// <summary>
/// A 201 means the booking is stored and visible everywhere: the list read straight after it, through the other
/// silo, always has it. No waiting loop: the booking's transaction wrote the rows the list reads.
/// </summary>
public sealed class ReadYourWritesTests
{
    private const int Bookings = 500;

    [Fact]
    public async Task Every_booking_is_in_the_list_read_right_after_it_through_the_other_silo()
    {
        var settings = TestServers.ProductionSettings(await TestServers.CreateDatabaseAsync(), "ryw-" + Guid.NewGuid().ToString("N")[..8]);
        await using var siloA = new SiloProcess("A", settings);
        await using var siloB = new SiloProcess("B", settings);
        await Task.WhenAll(siloA.StartAsync(), siloB.StartAsync());
        await ApiClient.RegisterAsync(siloA, "admin");
        await ApiClient.RegisterAsync(siloA, "bob");
        using var admin = ApiClient.For(siloA, await ApiClient.SignInAsync(siloA, "admin"));
        var token = await ApiClient.SignInAsync(siloA, "bob");
        HttpClient[] clients = [ApiClient.For(siloA, token), ApiClient.For(siloB, token)];
        var resources = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            resources.Add(await ApiClient.CreateResourceAsync(admin, $"Room {i}"));
        }

        var missing = new List<string>();
        for (var i = 0; i < Bookings; i++)
        {
            // Alternate the direction: booked through one silo, listed through the other.
            var (writer, reader) = (clients[i % 2], clients[(i + 1) % 2]);
            var resourceId = resources[i % resources.Count];
            var start = ApiClient.Tomorrow(0).AddMinutes(30 * (i / resources.Count));
            var response = await ApiClient.BookAsync(writer, resourceId, start, TimeSpan.FromMinutes(30));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

            var window = $"from={Uri.EscapeDataString(start.ToString("O"))}&until={Uri.EscapeDataString(start.AddMinutes(30).ToString("O"))}";
            var list = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/reservations?resourceId={resourceId}&{window}");
            if (!list.GetProperty("items").EnumerateArray().Any(r => r.GetProperty("id").GetGuid() == id))
            {
                missing.Add($"booking {i} ({id}) was not listed through silo {(i + 1) % 2}");
            }
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }

        Assert.Empty(missing);
    }
}
