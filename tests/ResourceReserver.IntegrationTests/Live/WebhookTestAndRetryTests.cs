using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ResourceReserver.Infrastructure.Webhooks;
using ResourceReserver.IntegrationTests.Cluster;

namespace ResourceReserver.IntegrationTests.Live;

/// <summary>The test delivery and the manual retry endpoints, against a real receiver that checks signatures.</summary>
public sealed class WebhookTestAndRetryTests
{
    [Fact(Timeout = 300_000)]
    public async Task A_test_delivery_that_failed_is_sent_again_on_manual_retry_with_the_same_id_and_a_valid_signature()
    {
        using var receiver = new WebhookReceiver(500);
        var settings = await IntegrationSettings.FastAsync("whtest");
        settings["Webhooks__RetrySchedule"] = "01:00:00"; // no automatic retry within the test: only the manual one
        await using var silo = new SiloProcess("whtest", settings);
        await silo.StartAsync();
        await ApiClient.RegisterAsync(silo, "admin");
        using var admin = ApiClient.For(silo, await ApiClient.SignInAsync(silo, "admin"));
        var created = await (await admin.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "reservation.created" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var hookId = created.GetProperty("webhook").GetProperty("id").GetGuid();
        var secret = created.GetProperty("secret").GetString()!;

        var test = await admin.PostAsync($"/api/v1/webhooks/{hookId}/test", null);
        Assert.Equal(HttpStatusCode.Accepted, test.StatusCode);
        var eventId = (await test.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetString();
        var first = await receiver.WaitForAsync(1, TimeSpan.FromSeconds(60));
        Assert.Equal(500, first.AnsweredWith);
        Assert.True(WebhookSignature.Verify(secret, first.Id, long.Parse(first.Timestamp), first.Body, first.Signature));
        var body = JsonDocument.Parse(first.Body).RootElement;
        Assert.Equal("webhook.test", body.GetProperty("type").GetString());
        Assert.Equal(eventId, body.GetProperty("eventId").GetString());

        var failed = await DeliveryAsync(admin, hookId, d => d.GetProperty("attempts").GetInt32() == 1);
        Assert.Equal("pending", failed.GetProperty("status").GetString());
        Assert.Equal(500, failed.GetProperty("lastStatusCode").GetInt32());
        Assert.True(failed.GetProperty("nextAttemptAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(50));
        var deliveryId = failed.GetProperty("id").GetGuid();
        Assert.Equal(first.Id, deliveryId.ToString());

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/webhooks/{hookId}/deliveries/{Guid.NewGuid()}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/v1/webhooks/{hookId}/deliveries/{deliveryId}/retry", null)).StatusCode);
        var second = await receiver.WaitForAsync(2, TimeSpan.FromSeconds(60));
        Assert.Equal(200, second.AnsweredWith);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Body, second.Body);
        Assert.True(WebhookSignature.Verify(secret, second.Id, long.Parse(second.Timestamp), second.Body, second.Signature));
        Assert.False(WebhookSignature.Verify(secret, second.Id, long.Parse(second.Timestamp), second.Body.Replace("test", "tset"), second.Signature));

        var succeeded = await DeliveryAsync(admin, hookId, d => d.GetProperty("status").GetString() == "succeeded");
        Assert.Equal(2, succeeded.GetProperty("attempts").GetInt32());
        Assert.Equal(200, succeeded.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(2, receiver.Requests.Count);
    }

    private static async Task<JsonElement> DeliveryAsync(HttpClient admin, Guid hookId, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var delivery = Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{hookId}/deliveries")).GetProperty("items").EnumerateArray());
            if (done(delivery) || DateTime.UtcNow > deadline)
            {
                return delivery;
            }

            await Task.Delay(100);
        }
    }
}
