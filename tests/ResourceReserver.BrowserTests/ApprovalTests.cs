using ResourceReserver.BrowserTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ResourceReserver.BrowserTests;

/// <summary>
/// Approval in the browser: a member's booking waits, an approver approves it on the Approvals page, the member sees it
/// confirmed; the admin form names approvers by username; the member's Requests tab pages with "Show more".
/// </summary>
[Collection(UiCollection.Name)]
public sealed class ApprovalTests(UiHost ui)
{
    [Fact]
    public async Task A_member_requests_an_approver_approves_in_the_ui_and_the_member_sees_it_confirmed()
    {
        var name = UiHost.Unique("Approval room");
        var resource = new
        {
            name, capacity = 1, timeZone = Slots.Zone, tags = new[] { "room" },
            rules = new { requiresApproval = true, approvers = Array.Empty<string>() },
        };
        var resourceId = await ui.Api.CreateResourceAsync(ui.AdminToken, resource);
        var username = UiHost.Unique("asker");
        await ui.Api.UserAsync(username);
        var member = await ui.SignedInPageAsync(username);
        await member.OpenAsync($"/resources/{resourceId}");
        await BookingTests.FillSlotAsync(member, Slots.Day(3), "10:00");
        await member.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Expect(member.Locator(".alert", new() { HasText = "Waiting for approval:" })).ToBeVisibleAsync();
        await Expect(member.Locator(".alert", new() { HasText = "Booked:" })).ToHaveCountAsync(0);

        await member.GetByRole(AriaRole.Link, new() { Name = "My reservations" }).ClickAsync();
        await member.GetByRole(AriaRole.Tab, new() { Name = "Requests" }).ClickAsync();
        await Expect(member.GetByTestId("reservation-row").Filter(new() { HasText = name })).ToContainTextAsync("Waiting for approval");

        var approver = await ui.SignedInPageAsync(UiHost.Admin);
        await approver.GetByRole(AriaRole.Link, new() { Name = "Approvals" }).First.ClickAsync();
        await Expect(approver.GetByRole(AriaRole.Heading, new() { Name = "Approvals", Level = 1 })).ToBeVisibleAsync();
        var request = approver.GetByTestId("approval-request").Filter(new() { HasText = name });
        await Expect(request).ToContainTextAsync($"Requested by {username}");
        await Expect(request).ToContainTextAsync(Slots.Zone);
        await request.GetByLabel("Message to the requester").FillAsync("Enjoy the room");
        await request.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(approver.Locator(".alert.success", new() { HasText = "Approved:" })).ToBeVisibleAsync();
        await Expect(request).ToHaveCountAsync(0);
        await approver.ScreenshotAsync("approvals");
        await approver.Context.CloseAsync();

        await member.GetByRole(AriaRole.Tab, new() { Name = "Upcoming" }).ClickAsync();
        await Expect(member.GetByTestId("reservation-row").Filter(new() { HasText = name })).ToContainTextAsync("Confirmed");
        await member.Context.CloseAsync();
    }

    [Fact]
    public async Task The_admin_form_shows_and_takes_approvers_by_username_and_refuses_an_unknown_one_without_saving()
    {
        var (first, firstId) = await AccountAsync("first");
        var (second, secondId) = await AccountAsync("second");
        var resourceId = await ui.Api.CreateResourceAsync(ui.AdminToken, new
        {
            name = UiHost.Unique("Approvers room"), capacity = 1, timeZone = Slots.Zone,
            rules = new { requiresApproval = true, approvers = new[] { firstId } },
        });
        var admin = await ui.SignedInPageAsync(UiHost.Admin);
        await admin.OpenAsync($"/admin/resources/{resourceId}");
        var approvers = admin.GetByLabel("Approvers (usernames, comma-separated; empty: anyone with approvals.decide)");
        await Expect(approvers).ToHaveValueAsync(first);

        var nobody = UiHost.Unique("nobody");
        await approvers.FillAsync($"{second}, {nobody}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Expect(admin.Locator(".alert.error")).ToContainTextAsync($"No user is named '{nobody}'.");
        Assert.Equal([firstId], await StoredApproversAsync(resourceId));

        await approvers.FillAsync($"{second.ToUpperInvariant()}, {first}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Expect(admin.GetByText("Saved.")).ToBeVisibleAsync();
        Assert.Equal([secondId, firstId], await StoredApproversAsync(resourceId));
        await admin.ReloadAsync();
        await admin.WaitForInteractiveAsync();
        await Expect(admin.GetByLabel("Approvers (usernames, comma-separated; empty: anyone with approvals.decide)")).ToHaveValueAsync($"{second}, {first}");
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task The_requests_tab_shows_twenty_requests_and_the_rest_with_show_more()
    {
        var name = UiHost.Unique("Busy room");
        var resourceId = await ui.Api.CreateResourceAsync(ui.AdminToken, new
        {
            name, capacity = 30, timeZone = Slots.Zone, rules = new { requiresApproval = true, approvers = Array.Empty<string>() },
        });
        var username = UiHost.Unique("asker");
        var token = await ui.Api.UserAsync(username);
        var start = Slots.At(Slots.Day(4), 9);
        for (var i = 0; i < 21; i++)
        {
            await ui.Api.BookAsync(token, resourceId, start.AddMinutes(i), start.AddMinutes(i + 60));
        }

        var member = await ui.SignedInPageAsync(username);
        await member.OpenAsync("/reservations");
        await member.GetByRole(AriaRole.Tab, new() { Name = "Requests" }).ClickAsync();
        var rows = member.GetByTestId("reservation-row").Filter(new() { HasText = name });
        await Expect(rows).ToHaveCountAsync(20);
        await member.GetByRole(AriaRole.Button, new() { Name = "Show more" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(21);
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Show more" })).ToHaveCountAsync(0);
        await member.Context.CloseAsync();
    }

    private async Task<(string Username, Guid Id)> AccountAsync(string prefix)
    {
        var username = UiHost.Unique(prefix);
        var me = await ui.Api.GetAsync(await ui.Api.UserAsync(username), "/api/v1/users/me");
        return (username, me.GetProperty("id").GetGuid());
    }

    private async Task<List<Guid>> StoredApproversAsync(Guid resourceId) =>
        (await ui.Api.GetAsync(ui.AdminToken, $"/api/v1/resources/{resourceId}")).GetProperty("rules").GetProperty("approvers")
            .EnumerateArray().Select(a => a.GetGuid()).ToList();
}
