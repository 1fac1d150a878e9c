using ResourceReserver.BrowserTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ResourceReserver.BrowserTests;

[Collection(UiCollection.Name)]
public sealed class LiveTests(UiHost ui)
{
    [Fact]
    public async Task A_booking_in_one_browser_appears_in_another_without_reload()
    {
        var resourceId = await ui.Api.CreateResourceAsync(ui.AdminToken, Slots.Resource(UiHost.Unique("live")));
        var watcher = await ui.SignedInPageAsync(await NewUserAsync());
        var booker = await ui.SignedInPageAsync(await NewUserAsync());
        await watcher.OpenAsync($"/resources/{resourceId}");
        await booker.OpenAsync($"/resources/{resourceId}");
        var busy = watcher.Locator("[data-kind=busy]");
        await Expect(busy).ToHaveCountAsync(0);
        var reloads = 0;
        watcher.FrameNavigated += (_, _) => reloads++;

        await BookingTests.FillSlotAsync(booker, Slots.Day(1), "11:00");
        await booker.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Expect(booker.Locator(".alert.success", new() { HasText = "Booked:" })).ToBeVisibleAsync();

        await Expect(busy).ToHaveCountAsync(1);
        await Expect(watcher.GetByTestId("live-status")).ToContainTextAsync("Updated live");
        Assert.Equal(0, reloads);
        await watcher.Context.CloseAsync();
        await booker.Context.CloseAsync();
    }

    [Fact]
    public async Task A_waitlist_offer_arrives_live_and_is_accepted()
    {
        var resourceId = await ui.Api.CreateResourceAsync(ui.AdminToken, Slots.Resource(UiHost.Unique("wait")));
        var holder = await ui.Api.UserAsync(UiHost.Unique("holder"));
        var day = Slots.Day(2);
        var taken = await ui.Api.BookAsync(holder, resourceId, Slots.At(day, 9), Slots.At(day, 10));
        var page = await ui.SignedInPageAsync(await NewUserAsync());
        await page.OpenAsync($"/resources/{resourceId}");

        await BookingTests.FillSlotAsync(page, day, "09:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Join waitlist" }).ClickAsync();
        await Expect(page.Locator(".alert.success", new() { HasText = "You are number 1 on the waitlist" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Waitlist" }).ClickAsync();
        var entry = page.GetByTestId("waitlist-entry");
        await Expect(entry).ToHaveAttributeAsync("data-status", "waiting");

        await ui.Api.CancelAsync(holder, taken);

        var accept = entry.GetByRole(AriaRole.Button, new() { Name = "Accept" });
        await Expect(accept).ToBeVisibleAsync();
        await Expect(entry.GetByRole(AriaRole.Timer)).ToBeVisibleAsync();
        await accept.ClickAsync();
        await Expect(page.Locator(".alert.success", new() { HasText = "Booked. It is in My reservations." })).ToBeVisibleAsync();
        await Expect(entry).ToHaveAttributeAsync("data-status", "accepted");
        await page.Context.CloseAsync();
    }

    private async Task<string> NewUserAsync()
    {
        var username = UiHost.Unique("u");
        await ui.Api.UserAsync(username);
        return username;
    }
}
