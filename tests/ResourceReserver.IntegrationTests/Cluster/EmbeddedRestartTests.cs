using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResourceReserver.IntegrationTests.Cluster;

/// <summary>The embedded mode is a real single-machine deployment: a restart keeps every account, resource and booking.</summary>
public sealed class EmbeddedRestartTests
{
    [Fact]
    public async Task Stopping_and_starting_the_embedded_host_keeps_accounts_resources_and_reservations()
    {
        var directory = Path.Combine(Path.GetTempPath(), "rr-embedded-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Sqlite",
            ["Storage__SqlitePath"] = Path.Combine(directory, "reserver.db"),
            ["Clustering__Provider"] = "Localhost",
        };
        try
        {
            Guid resourceId, reservationId;
            var slot = ApiClient.Tomorrow(14);
            await using (var host = new SiloProcess("embedded", settings))
            {
                await host.StartAsync();
                await ApiClient.RegisterAsync(host, "admin");
                using var admin = ApiClient.For(host, await ApiClient.SignInAsync(host, "admin"));
                resourceId = await ApiClient.CreateResourceAsync(admin, "Desk 7");
                var booked = await ApiClient.BookAsync(admin, resourceId, slot, TimeSpan.FromHours(2));
                Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
                reservationId = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                await host.StopAsync();
            }

            await using (var host = new SiloProcess("embedded-again", settings))
            {
                await host.StartAsync();
                using var admin = ApiClient.For(host, await ApiClient.SignInAsync(host, "admin"));
                var resource = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{resourceId}");
                Assert.Equal("Desk 7", resource.GetProperty("name").GetString());
                var reservation = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/reservations/{reservationId}");
                Assert.Equal("confirmed", reservation.GetProperty("status").GetString());
                var again = await ApiClient.BookAsync(admin, resourceId, slot.AddHours(1), TimeSpan.FromHours(1));
                Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
                var duplicateName = await admin.PostAsJsonAsync("/api/v1/resources", new { name = "desk 7" });
                Assert.Equal(HttpStatusCode.Conflict, duplicateName.StatusCode);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
