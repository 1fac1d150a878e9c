using ResourceReserver.BrowserTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ResourceReserver.BrowserTests;

/// <summary>Approval in the browser: a member's booking waits, an approver approves it on the Approvals page, the member sees it confirmed.</summary>
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
}
