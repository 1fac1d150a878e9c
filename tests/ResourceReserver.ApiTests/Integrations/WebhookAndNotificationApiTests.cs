using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Integrations;

/// <summary>Webhook administration rules and the in-app notification feed.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookAndNotificationApiTests(ApiFixture api)
{
    [Fact]
    public async Task Webhooks_are_admin_only_list_the_events_and_refuse_internal_targets()
    {
        var (user, _) = await api.NewUserAsync("hooker");
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/v1/webhooks")).StatusCode);
        var events = (await api.Admin.GetOkAsync("/api/v1/webhooks/events")).EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.True(events.Count >= 13);
        Assert.Contains("waitlist.offer", events);
        foreach (var url in new[] { "http://127.0.0.1:9/x", "http://10.1.2.3/x", "http://169.254.169.254/latest", "http://localhost/x", "http://localhost./x", "http://127.0.0.1./x", "http://LOCALHOST../x", "ftp://example.com/" })
        {
            var refused = await api.Admin.PostAsJsonAsync("/api/v1/webhooks", new { url, events = new[] { "reservation.created" } });
            await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        }

        var created = await api.Admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://93.184.215.14/hook", events = new[] { "reservation.created" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        var id = body.GetProperty("webhook").GetProperty("id").GetGuid();
        Assert.StartsWith("whsec_", body.GetProperty("secret").GetString());
        Assert.DoesNotContain("secret", await (await api.Admin.GetAsync($"/api/v1/webhooks/{id}")).Content.ReadAsStringAsync());
        var rotated = await (await api.Admin.PostAsync($"/api/v1/webhooks/{id}/rotate-secret", null)).JsonAsync();
        Assert.NotEqual(body.GetProperty("secret").GetString(), rotated.GetProperty("secret").GetString());
        var patched = await api.Admin.PatchAsJsonAsync($"/api/v1/webhooks/{id}", new { active = false });
        Assert.False((await patched.JsonAsync()).GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await api.Admin.DeleteAsync($"/api/v1/webhooks/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_booking_lands_in_the_owners_feed_only_and_can_be_marked_read()
    {
        var (owner, _) = await api.NewUserAsync("feedown");
        var (other, _) = await api.NewUserAsync("feedother");
        var reservationId = await owner.BookOkAsync(await api.NewResourceAsync(), ApiFixture.FutureHour(4, 9), ApiFixture.FutureHour(4, 10));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<System.Text.Json.JsonElement> items;
        do
        {
            items = await owner.ItemsAsync("/api/v1/notifications");
            await Task.Delay(100);
        }
        while (items.Count == 0 && DateTime.UtcNow < deadline);

        var entry = Assert.Single(items);
        Assert.Equal("reservation_confirmed", entry.GetProperty("kind").GetString());
        Assert.Equal(reservationId, entry.GetProperty("reservationId").GetGuid());
        Assert.Empty(await other.ItemsAsync("/api/v1/notifications"));
        var notificationId = entry.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/notifications/{notificationId}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync($"/api/v1/notifications/{notificationId}/read", null)).StatusCode);
        Assert.Empty(await owner.ItemsAsync("/api/v1/notifications?unread=true"));
        Assert.Equal(0, (await (await owner.PostAsync("/api/v1/notifications/read-all", null)).JsonAsync()).GetProperty("marked").GetInt32());
    }
}
