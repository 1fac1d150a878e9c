using System.Net.Http.Json;
using ResourceReserver.IntegrationTests.Cluster;
using ResourceReserver.IntegrationTests.Live;

namespace ResourceReserver.IntegrationTests.Approvals;

/// <summary>
/// An undecided request expires on its approval timeout even when the silo that took it stopped first: the
/// resource's persisted reminder brings the grain back on a new silo, which expires the request and offers its time
/// to the waitlist.
/// </summary>
public sealed class ApprovalExpiryRestartTests
{
    [Fact(Timeout = 400_000)]
    public async Task A_request_left_undecided_expires_after_a_silo_restart_and_its_time_is_offered_to_the_waitlist()
    {
        var settings = await IntegrationSettings.FastAsync("approval-expiry");
        var start = ApiClient.Tomorrow(10);
        Guid requestId;
        Guid entryId;
        await using (var first = new SiloProcess("before", settings))
        {
            await first.StartAsync();
            var (admin, _) = await ApprovalSite.AccountAsync(first, "admin");
            var (member, _) = await ApprovalSite.AccountAsync(first, "member");
            var (waiter, _) = await ApprovalSite.AccountAsync(first, "waiter");
            var resourceId = await ApprovalSite.ResourceAsync(admin, "Lab", [], timeout: "PT1M");
            requestId = await ApprovalSite.RequestAsync(member, resourceId, start);
            entryId = await ApprovalSite.WaitAsync(waiter, resourceId, start);
            var pending = await member.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/reservations/{requestId}");
            Assert.Equal("pending_approval", pending.GetProperty("status").GetString());
            Assert.True(pending.GetProperty("approvalExpiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow, "The request expired before the restart.");
            await first.StopAsync();
        }

        await using var second = new SiloProcess("after", settings);
        await second.StartAsync();
        using var memberAgain = ApiClient.For(second, await ApiClient.SignInAsync(second, "member"));
        using var waiterAgain = ApiClient.For(second, await ApiClient.SignInAsync(second, "waiter"));
        // Reservations are read from the read store, so only the resource's reminder brings its grain back to expire the request.
        var expired = await ApprovalSite.EventuallyAsync(memberAgain, $"/api/v1/reservations/{requestId}",
            r => r.GetProperty("status").GetString() == "expired", TimeSpan.FromMinutes(4));
        Assert.Equal(start, expired.GetProperty("start").GetDateTimeOffset());
        var offered = await ApprovalSite.EventuallyAsync(waiterAgain, $"/api/v1/waitlist/{entryId}",
            e => e.GetProperty("status").GetString() == "offered", TimeSpan.FromSeconds(60));
        Assert.Equal(start, offered.GetProperty("offer").GetProperty("start").GetDateTimeOffset());
    }
}
