using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using MimeKit;
using ResourceReserver.IntegrationTests.Cluster;

namespace ResourceReserver.IntegrationTests.Live;

/// <summary>A waitlist offer reaches the waiting user three ways: e-mail (real SMTP), the in-app feed and the live connection.</summary>
public sealed class WaitlistOfferNotificationTests
{
    [Fact(Timeout = 300_000)]
    public async Task An_offer_is_mailed_put_in_the_feed_and_pushed_live_to_the_waiting_user()
    {
        using var smtp = new SmtpSink();
        await smtp.StartAsync();
        await using var silo = new SiloProcess("offer", (await IntegrationSettings.FastAsync("offer")).WithMail(smtp));
        await silo.StartAsync();
        await ApiClient.RegisterAsync(silo, "admin");
        await ApiClient.RegisterAsync(silo, "waiter");
        using var admin = ApiClient.For(silo, await ApiClient.SignInAsync(silo, "admin"));
        var waiterToken = await ApiClient.SignInAsync(silo, "waiter");
        using var waiter = ApiClient.For(silo, waiterToken);
        Assert.True((await waiter.PatchAsJsonAsync("/api/v1/users/me", new { email = "waiter@example.test" })).IsSuccessStatusCode);
        var live = new ConcurrentQueue<JsonElement>();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(silo.BaseAddress, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(waiterToken))
            .Build();
        connection.On<JsonElement>("notification", live.Enqueue);
        await connection.StartAsync();

        var resourceId = await ApiClient.CreateResourceAsync(admin, "Waited room");
        var start = ApiClient.Tomorrow(9);
        var booked = await ApiClient.BookAsync(admin, resourceId, start, TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var reservationId = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var joined = await waiter.PostAsJsonAsync("/api/v1/waitlist", new { resourceId, start, end = start.AddHours(1) });
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var entryId = (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.True((await admin.PostAsJsonAsync($"/api/v1/reservations/{reservationId}/cancel", new { reason = "freed" })).IsSuccessStatusCode);

        var mail = await smtp.WaitForAsync("A slot is free: Waited room", TimeSpan.FromSeconds(60));
        Assert.Equal("waiter@example.test", ((MailboxAddress)mail.To.Single()).Address);
        Assert.Contains($"/api/v1/waitlist/{entryId}/accept", mail.TextBody);
        Assert.Contains("Waited room", mail.HtmlBody);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement? offer = null;
        while (offer is null && DateTime.UtcNow < deadline)
        {
            var items = (await waiter.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items").EnumerateArray();
            offer = items.Where(n => n.GetProperty("kind").GetString() == "waitlist_offer").Cast<JsonElement?>().FirstOrDefault();
            await Task.Delay(offer is null ? 100 : 0);
        }

        Assert.NotNull(offer);
        Assert.Equal(entryId, offer.Value.GetProperty("reservationId").GetGuid()); // the offered hold carries the entry's id
        Assert.Equal(resourceId, offer.Value.GetProperty("resourceId").GetGuid());
        while (!live.Any(n => n.GetProperty("kind").GetString() == "waitlist_offer") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var pushed = Assert.Single(live, n => n.GetProperty("kind").GetString() == "waitlist_offer");
        Assert.Equal(offer.Value.GetProperty("id").GetGuid(), pushed.GetProperty("id").GetGuid());
        Assert.Equal(1, smtp.CountWithSubject("A slot is free"));
    }
}
