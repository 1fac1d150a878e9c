using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;
using static ResourceReserver.ApiTests.Approvals.ApprovalArrange;

namespace ResourceReserver.ApiTests.Approvals;

/// <summary>Each approval endpoint's success and failure paths, and what a pending request does to the slot.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApprovalsEndpointTests(ApiFixture api)
{
    [Fact]
    public async Task A_booking_on_an_approval_resource_answers_202_pending_and_holds_the_slot()
    {
        var resource = await ResourceAsync(api.Admin);
        var (booker, _) = await api.NewUserAsync();
        var start = ApiFixture.FutureHour(4, 10);

        var response = await booker.BookAsync(resource, start, start.AddHours(1));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("pending_approval", body.GetProperty("status").GetString());
        Assert.Equal($"/api/v1/reservations/{body.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        Assert.True(body.GetProperty("approvalExpiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(1.9));
        var rules = (await api.Admin.GetOkAsync($"/api/v1/resources/{resource}")).GetProperty("rules");
        Assert.True(rules.GetProperty("requiresApproval").GetBoolean());
        Assert.Equal("P2D", rules.GetProperty("approvalTimeout").GetString());

        var (other, _) = await api.NewUserAsync();
        await (await other.BookAsync(resource, start, start.AddHours(1))).AssertProblemAsync(HttpStatusCode.Conflict, "booking_conflict");
        var mine = await booker.ItemsAsync("/api/v1/reservations?status=pending_approval");
        Assert.Contains(mine, r => r.GetProperty("id").GetGuid() == body.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_listed_approver_approves_once_and_the_reservation_is_confirmed()
    {
        var (approver, approverId) = await api.NewUserAsync("approver");
        var resource = await ResourceAsync(api.Admin, approvers: [approverId]);
        var (booker, _) = await api.NewUserAsync();
        var id = await PendingAsync(booker, resource, ApiFixture.FutureHour(4, 12));

        var approved = await approver.PostAsJsonAsync($"/api/v1/approvals/{id}/approve", new { message = "enjoy" });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("confirmed", (await approved.JsonAsync()).GetProperty("status").GetString());
        var stored = await booker.GetOkAsync($"/api/v1/reservations/{id}");
        Assert.Equal("confirmed", stored.GetProperty("status").GetString());
        Assert.Equal(approverId, stored.GetProperty("decidedBy").GetGuid());
        await (await approver.PostAsJsonAsync($"/api/v1/approvals/{id}/approve", new { })).AssertProblemAsync(HttpStatusCode.Conflict, "not_pending_approval");
        await (await approver.PostAsJsonAsync($"/api/v1/approvals/{id}/reject", new { message = "late" })).AssertProblemAsync(HttpStatusCode.Conflict, "not_pending_approval");
        Assert.Contains(await approver.ItemsAsync("/api/v1/approvals?status=approved&limit=100"), r => r.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Rejecting_needs_a_message_frees_the_slot_and_is_listed_as_rejected()
    {
        var resource = await ResourceAsync(api.Admin);
        var (booker, _) = await api.NewUserAsync();
        var start = ApiFixture.FutureHour(4, 14);
        var id = await PendingAsync(booker, resource, start);

        await (await api.Admin.PostAsJsonAsync($"/api/v1/approvals/{id}/reject", new { })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Equal("pending_approval", (await booker.GetOkAsync($"/api/v1/reservations/{id}")).GetProperty("status").GetString());

        var rejected = await api.Admin.PostAsJsonAsync($"/api/v1/approvals/{id}/reject", new { message = "the room is being painted" });

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var stored = await booker.GetOkAsync($"/api/v1/reservations/{id}");
        Assert.Equal("rejected", stored.GetProperty("status").GetString());
        Assert.Equal("the room is being painted", stored.GetProperty("decisionMessage").GetString());
        Assert.Contains(await api.Admin.ItemsAsync("/api/v1/approvals?status=rejected&limit=100"), r => r.GetProperty("id").GetGuid() == id);
        await PendingAsync(booker, resource, start);
    }

    [Fact]
    public async Task Only_allowed_approvers_may_decide_or_see_requests()
    {
        var (listed, listedId) = await api.NewUserAsync("approver");
        var resource = await ResourceAsync(api.Admin, approvers: [listedId]);
        var open = await ResourceAsync(api.Admin);
        var (booker, _) = await api.NewUserAsync();
        var id = await PendingAsync(booker, resource, ApiFixture.FutureHour(4, 16));
        var onOpen = await PendingAsync(booker, open, ApiFixture.FutureHour(4, 16));
        var role = await AccessArrange.CustomRoleAsync(api.Admin, "approvals.decide");
        var (decider, _, _) = await api.UserWithRolesAsync(api.Admin, "user", role);

        await (await booker.PostAsJsonAsync($"/api/v1/approvals/{id}/approve", new { })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await decider.PostAsJsonAsync($"/api/v1/approvals/{id}/approve", new { })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await listed.PostAsJsonAsync($"/api/v1/approvals/{onOpen}/approve", new { })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.DoesNotContain(await booker.ItemsAsync("/api/v1/approvals?limit=100"), r => r.GetProperty("id").GetGuid() == id);
        var listedSees = await listed.ItemsAsync("/api/v1/approvals?limit=100");
        Assert.Contains(listedSees, r => r.GetProperty("id").GetGuid() == id);
        Assert.DoesNotContain(listedSees, r => r.GetProperty("id").GetGuid() == onOpen);
        var deciderSees = await decider.ItemsAsync("/api/v1/approvals?status=pending&limit=100");
        Assert.Contains(deciderSees, r => r.GetProperty("id").GetGuid() == onOpen);
        Assert.DoesNotContain(deciderSees, r => r.GetProperty("id").GetGuid() == id);

        Assert.Equal(HttpStatusCode.OK, (await decider.PostAsJsonAsync($"/api/v1/approvals/{onOpen}/approve", new { })).StatusCode);
        Assert.Equal("pending_approval", (await booker.GetOkAsync($"/api/v1/reservations/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_stable_code_and_changes_nothing()
    {
        await (await api.Admin.PostAsJsonAsync($"/api/v1/approvals/{Guid.NewGuid()}/approve", new { })).AssertProblemAsync(HttpStatusCode.NotFound, "reservation_not_found");
        await (await api.Admin.PostAsJsonAsync("/api/v1/approvals/not-an-id/reject", new { message = "x" })).AssertProblemAsync(HttpStatusCode.NotFound, "reservation_not_found");
        await (await api.Admin.GetAsync("/api/v1/approvals?status=maybe")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        await (await api.Admin.GetAsync("/api/v1/approvals?limit=0")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");

        var resource = await ResourceAsync(api.Admin);
        var (booker, _) = await api.NewUserAsync();
        var id = await PendingAsync(booker, resource, ApiFixture.FutureHour(4, 18));
        await (await api.Admin.PostAsJsonAsync($"/api/v1/approvals/{id}/approve", new { message = new string('x', 1001) })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Equal("pending_approval", (await booker.GetOkAsync($"/api/v1/reservations/{id}")).GetProperty("status").GetString());

        foreach (var rules in new object[] { new { requiresApproval = true, approvalTimeout = "2 days" }, new { requiresApproval = true, approvalTimeout = "PT10S" }, new { requiresApproval = true, approvers = new[] { "someone" } } })
        {
            var created = await api.Admin.PostAsJsonAsync("/api/v1/resources", new { name = "Bad " + Guid.NewGuid().ToString("N"), capacity = 1, rules });
            await created.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        }

        await (await booker.PatchAsJsonAsync($"/api/v1/reservations/{id}", new { notes = "x" })).AssertProblemAsync(HttpStatusCode.Conflict, "pending_approval");
    }

    [Fact]
    public async Task The_requester_may_cancel_a_pending_request_and_the_slot_is_free_again()
    {
        var resource = await ResourceAsync(api.Admin);
        var (booker, _) = await api.NewUserAsync();
        var start = ApiFixture.FutureHour(4, 20);
        var id = await PendingAsync(booker, resource, start);

        var cancelled = await booker.PostAsJsonAsync($"/api/v1/reservations/{id}/cancel", new { reason = "plans changed" });

        Assert.Equal("cancelled", (await cancelled.JsonAsync()).GetProperty("status").GetString());
        await (await api.Admin.PostAsJsonAsync($"/api/v1/approvals/{id}/approve", new { })).AssertProblemAsync(HttpStatusCode.Conflict, "not_pending_approval");
        await PendingAsync(booker, resource, start);
    }

    [Fact]
    public async Task Each_step_notifies_the_requester()
    {
        var resource = await ResourceAsync(api.Admin);
        var (booker, _) = await api.NewUserAsync();
        var approvedId = await PendingAsync(booker, resource, ApiFixture.FutureHour(5, 10));
        var rejectedId = await PendingAsync(booker, resource, ApiFixture.FutureHour(5, 12));
        Assert.Equal(HttpStatusCode.OK, (await api.Admin.PostAsJsonAsync($"/api/v1/approvals/{approvedId}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Admin.PostAsJsonAsync($"/api/v1/approvals/{rejectedId}/reject", new { message = "no" })).StatusCode);

        // The dispatcher writes notifications after commit: wait for them (the guard only stops a hang).
        var expected = new[] { "approval_requested", "approval_approved", "approval_rejected" };
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        List<string?> kinds;
        do
        {
            await Task.Delay(100, guard.Token);
            kinds = (await booker.ItemsAsync("/api/v1/notifications?limit=100")).Select(n => n.GetProperty("kind").GetString()).ToList();
        }
        while (!expected.All(kinds.Contains));

        Assert.Equal(2, kinds.Count(k => k == "approval_requested"));
    }
}
