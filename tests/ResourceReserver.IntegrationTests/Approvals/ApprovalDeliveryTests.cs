using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;
using ResourceReserver.Infrastructure.Webhooks;
using ResourceReserver.IntegrationTests.Cluster;
using ResourceReserver.IntegrationTests.Live;

namespace ResourceReserver.IntegrationTests.Approvals;

/// <summary>
/// Each approval step through a real silo: mail to a real SMTP server for the requester and the approvers, the
/// approver's feed, signed webhook deliveries to a real HTTP receiver, the waitlist offered a rejected request's time,
/// and the requester told, in their language, when nobody decided in time.
/// </summary>
public sealed class ApprovalDeliveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact(Timeout = 300_000)]
    public async Task Requests_decisions_and_freed_capacity_reach_requester_approvers_webhooks_and_the_waitlist()
    {
        using var smtp = new SmtpSink();
        await smtp.StartAsync();
        using var receiver = new WebhookReceiver();
        await using var silo = new SiloProcess("approvals", (await IntegrationSettings.FastAsync("approvals")).WithMail(smtp));
        await silo.StartAsync();
        var (admin, _) = await ApprovalSite.AccountAsync(silo, "admin");
        var (approver, approverId) = await ApprovalSite.AccountAsync(silo, "approver");
        var (member, _) = await ApprovalSite.AccountAsync(silo, "member");
        var (waiter, _) = await ApprovalSite.AccountAsync(silo, "waiter");
        var hook = await admin.PostAsJsonAsync("/api/v1/webhooks", new
        {
            url = receiver.Url,
            events = new[] { "approval.requested", "approval.approved", "approval.rejected" },
        });
        Assert.True(hook.IsSuccessStatusCode, await hook.Content.ReadAsStringAsync());
        var secret = (await hook.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        var listed = await ApprovalSite.ResourceAsync(admin, "Board room", [approverId]);
        var open = await ApprovalSite.ResourceAsync(admin, "Studio", []);

        // A request on a resource with a listed approver: the requester and that approver hear of it, the admin does not.
        var approved = await ApprovalSite.RequestAsync(member, listed, ApiClient.Tomorrow(9));
        var waiting = await smtp.WaitForAsync("Waiting for approval: Board room", Patience);
        Assert.Equal("member@example.test", ((MailboxAddress)waiting.To.Single()).Address);
        var toDecide = await smtp.WaitForAsync("Approval needed: Board room", Patience);
        Assert.Equal("approver@example.test", ((MailboxAddress)toDecide.To.Single()).Address);
        Assert.Contains("member asks to book this time", toDecide.TextBody);
        Assert.Contains(approved.ToString(), toDecide.TextBody);
        await ApprovalSite.EventuallyAsync(approver, "/api/v1/notifications",
            feed => ApprovalSite.HasNotification(feed, "approval_to_decide", approved), Patience);
        await ApprovalSite.EventuallyAsync(member, "/api/v1/notifications",
            feed => ApprovalSite.HasNotification(feed, "approval_requested", approved), Patience);

        // Without listed approvers, those who may decide (here the admin) are told.
        var studio = await ApprovalSite.RequestAsync(member, open, ApiClient.Tomorrow(9));
        var adminMail = await smtp.WaitForAsync("Approval needed: Studio", Patience);
        Assert.Equal("admin@example.test", ((MailboxAddress)adminMail.To.Single()).Address);
        Assert.Contains(studio.ToString(), adminMail.TextBody);

        var approve = await approver.PostAsJsonAsync($"/api/v1/approvals/{approved}/approve", new { message = "Enjoy the room" });
        Assert.True(approve.IsSuccessStatusCode, await approve.Content.ReadAsStringAsync());
        var approvedMail = await smtp.WaitForAsync("Reservation approved: Board room", Patience);
        Assert.Equal("member@example.test", ((MailboxAddress)approvedMail.To.Single()).Address);
        Assert.Contains("Enjoy the room", approvedMail.TextBody);
        Assert.Equal("reservation.ics", approvedMail.Attachments.OfType<MimePart>().Single().FileName);

        // A rejection frees the time for the waitlist.
        var start = ApiClient.Tomorrow(11);
        var rejected = await ApprovalSite.RequestAsync(member, listed, start);
        var entry = await ApprovalSite.WaitAsync(waiter, listed, start);
        var reject = await approver.PostAsJsonAsync($"/api/v1/approvals/{rejected}/reject", new { message = "Board meeting that day" });
        Assert.True(reject.IsSuccessStatusCode, await reject.Content.ReadAsStringAsync());
        var rejectedMail = await smtp.WaitForAsync("Request rejected: Board room", Patience);
        Assert.Equal("member@example.test", ((MailboxAddress)rejectedMail.To.Single()).Address);
        Assert.Contains("Board meeting that day", rejectedMail.TextBody);
        Assert.Empty(rejectedMail.Attachments);
        var offered = await ApprovalSite.EventuallyAsync(waiter, $"/api/v1/waitlist/{entry}", e => e.GetProperty("status").GetString() == "offered", Patience);
        Assert.Equal(start, offered.GetProperty("offer").GetProperty("start").GetDateTimeOffset());
        await smtp.WaitForAsync("A slot is free: Board room", Patience);

        // Webhooks: requested (twice), approved, rejected (and requested for the rejected one), each signed.
        await receiver.WaitForAsync(5, Patience);
        var delivered = receiver.Requests.Select(r =>
        {
            Assert.True(WebhookSignature.Verify(secret, r.Id, long.Parse(r.Timestamp), r.Body, r.Signature));
            var body = JsonDocument.Parse(r.Body).RootElement;
            return (Type: body.GetProperty("type").GetString(), Reservation: body.GetProperty("data").GetProperty("reservation").GetProperty("id").GetGuid());
        }).ToList();
        Assert.Contains(("approval.requested", approved), delivered);
        Assert.Contains(("approval.requested", studio), delivered);
        Assert.Contains(("approval.approved", approved), delivered);
        Assert.Contains(("approval.requested", rejected), delivered);
        Assert.Contains(("approval.rejected", rejected), delivered);
        var boardRoomAnnouncements = (await smtp.AllAsync()).Where(m => m.Message.Subject == "Approval needed: Board room").ToList();
        Assert.NotEmpty(boardRoomAnnouncements);
        Assert.All(boardRoomAnnouncements, m => Assert.Equal("approver@example.test", ((MailboxAddress)m.Message.To.Single()).Address));
    }

    [Fact(Timeout = 400_000)]
    public async Task A_request_nobody_decides_in_time_expires_and_its_requester_is_told_in_their_language()
    {
        using var smtp = new SmtpSink();
        await smtp.StartAsync();
        await using var silo = new SiloProcess("approval-expired", (await IntegrationSettings.FastAsync("approval-expired")).WithMail(smtp));
        await silo.StartAsync();
        var (admin, _) = await ApprovalSite.AccountAsync(silo, "admin");
        var (lecteur, _) = await ApprovalSite.AccountAsync(silo, "lecteur");
        var french = await lecteur.PatchAsJsonAsync("/api/v1/users/me", new { language = "fr" });
        Assert.True(french.IsSuccessStatusCode, await french.Content.ReadAsStringAsync());
        var lab = await ApprovalSite.ResourceAsync(admin, "Lab", [], timeout: "PT1M");

        var request = await ApprovalSite.RequestAsync(lecteur, lab, ApiClient.Tomorrow(10));

        var expiredMail = await smtp.WaitForAsync("Demande expirée : Lab", TimeSpan.FromMinutes(3));
        Assert.Equal("lecteur@example.test", ((MailboxAddress)expiredMail.To.Single()).Address);
        Assert.Contains("Aucun approbateur n’a statué sur votre demande à temps", expiredMail.TextBody);
        Assert.Contains(request.ToString(), expiredMail.TextBody);
        Assert.Empty(expiredMail.Attachments);
        var feed = await ApprovalSite.EventuallyAsync(lecteur, "/api/v1/notifications",
            f => ApprovalSite.HasNotification(f, "approval_expired", request), Patience);
        Assert.Contains(feed.GetProperty("items").EnumerateArray(), n => n.GetProperty("title").GetString() == "Demande expirée : Lab");
        var stored = await lecteur.GetFromJsonAsync<JsonElement>($"/api/v1/reservations/{request}");
        Assert.Equal("expired", stored.GetProperty("status").GetString());

        // Only the requester hears of the expiry, and once.
        Assert.Single(await smtp.AllAsync(), m => m.Message.Subject?.StartsWith("Demande expirée", StringComparison.Ordinal) == true);
    }
}
