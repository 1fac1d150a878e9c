using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ResourceReserver.Infrastructure.Webhooks;
using ResourceReserver.IntegrationTests.Cluster;

namespace ResourceReserver.IntegrationTests.Live;

/// <summary>Webhooks to a real receiver on loopback: signed, retried after a 500, and the retry survives a silo restart.</summary>
public sealed class WebhookDeliveryTests
{
    [Fact]
    public async Task A_failed_delivery_is_retried_after_a_silo_restart_with_a_valid_signature_and_the_same_id()
    {
        using var receiver = new WebhookReceiver(500);
        var database = await TestServers.CreateDatabaseAsync();
        var settings = TestServers.ProductionSettings(database, "wh-" + Guid.NewGuid().ToString("N")[..8]);
        settings["Webhooks__AllowPrivateNetworks"] = "true";
        settings["Webhooks__RetrySchedule"] = "00:00:04,00:00:04";
        settings["Webhooks__PollInterval"] = "00:00:00.2";
        settings["Dispatch__PollInterval"] = "00:00:00.2";

        Guid hookId;
        string secret;
        await using (var silo = new SiloProcess("before", settings))
        {
            await silo.StartAsync();
            await ApiClient.RegisterAsync(silo, "admin");
            using var admin = ApiClient.For(silo, await ApiClient.SignInAsync(silo, "admin"));
            var created = await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "reservation.created" } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var body = await created.Content.ReadFromJsonAsync<JsonElement>();
            hookId = body.GetProperty("webhook").GetProperty("id").GetGuid();
            secret = body.GetProperty("secret").GetString()!;

            var resourceId = await ApiClient.CreateResourceAsync(admin, "Hooked room");
            Assert.Equal(HttpStatusCode.Created, (await ApiClient.BookAsync(admin, resourceId, ApiClient.Tomorrow(10), TimeSpan.FromHours(1))).StatusCode);
            var first = await receiver.WaitForAsync(1, TimeSpan.FromSeconds(20));
            Assert.Equal(500, first.AnsweredWith);
            Assert.True(WebhookSignature.Verify(secret, first.Id, long.Parse(first.Timestamp), first.Body, first.Signature));
            await silo.StopAsync();
        }

        await using var again = new SiloProcess("after", settings);
        await again.StartAsync();
        var second = await receiver.WaitForAsync(2, TimeSpan.FromSeconds(30));
        var original = receiver.Requests.First();
        Assert.Equal(200, second.AnsweredWith);
        Assert.Equal(original.Id, second.Id);
        Assert.True(WebhookSignature.Verify(secret, second.Id, long.Parse(second.Timestamp), second.Body, second.Signature));
        Assert.Equal("reservation.created", JsonDocument.Parse(second.Body).RootElement.GetProperty("type").GetString());

        using var adminAgain = ApiClient.For(again, await ApiClient.SignInAsync(again, "admin"));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonElement delivery;
        do
        {
            delivery = (await adminAgain.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{hookId}/deliveries")).GetProperty("items")[0];
            await Task.Delay(100);
        }
        while (delivery.GetProperty("status").GetString() != "succeeded" && DateTime.UtcNow < deadline);

        Assert.Equal("succeeded", delivery.GetProperty("status").GetString());
        Assert.Equal(2, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(2, receiver.Requests.Count);
    }
}
