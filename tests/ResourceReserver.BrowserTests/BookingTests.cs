using ResourceReserver.BrowserTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ResourceReserver.BrowserTests;

[Collection(UiCollection.Name)]
public sealed class BookingTests(UiHost ui)
{
    [Fact]
    public async Task Browse_and_search_with_suggestions_leads_to_the_resource()
    {
        var name = UiHost.Unique("Atlas");
        await ui.Api.CreateResourceAsync(ui.AdminToken, Slots.Resource(name));
        await using var context = await ui.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.OpenAsync("/resources");
        await page.GetByLabel("Search").PressSequentiallyAsync(name[..10]);
        var suggestion = page.GetByRole(AriaRole.Listbox).GetByRole(AriaRole.Link, new() { Name = name });
        await Expect(suggestion).ToBeVisibleAsync();
        await suggestion.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("timeline")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).Last).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Book_then_cancel_from_my_reservations()
    {
        var (page, name, _) = await ResourcePageAsync("book");
        await FillSlotAsync(page, Slots.Day(2), "10:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Expect(page.Locator(".alert.success", new() { HasText = "Booked:" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "My reservations" }).ClickAsync();
        var row = page.GetByTestId("reservation-row").Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("Europe/Madrid");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = ".ics" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"\.ics$"));
        await row.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Cancelled" }).ClickAsync();
        await Expect(page.GetByTestId("reservation-row").Filter(new() { HasText = name })).ToContainTextAsync("Cancelled");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_conflict_explains_itself_and_a_suggested_slot_books()
    {
        var (page, _, resourceId) = await ResourcePageAsync("conflict");
        var other = await ui.Api.UserAsync(UiHost.Unique("other"));
        var day = Slots.Day(3);
        await ui.Api.BookAsync(other, resourceId, Slots.At(day, 10), Slots.At(day, 11));

        await FillSlotAsync(page, day, "10:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "That time is already taken." });
        await Expect(alert).ToBeVisibleAsync();
        await Expect(alert.GetByRole(AriaRole.Button, new() { Name = "Join waitlist" })).ToBeVisibleAsync();

        await alert.GetByRole(AriaRole.Button).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Expect(page.Locator(".alert.success", new() { HasText = "Booked:" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_recurring_booking_is_built_without_typing_an_rrule()
    {
        var (page, _, _) = await ResourcePageAsync("series");
        await FillSlotAsync(page, Slots.Day(1), "08:00");
        await page.GetByLabel("Repeat this booking").CheckAsync();
        await page.GetByLabel("Occurrences").FillAsync("3");
        await page.GetByLabel("Occurrences").BlurAsync();
        await Expect(page.GetByTestId("rrule")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^FREQ=WEEKLY;BYDAY=[A-Z]{2};COUNT=3$"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Expect(page.Locator(".alert.success", new() { HasText = "Booked 3 occurrences." })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_hold_counts_down_and_is_confirmed()
    {
        var (page, _, _) = await ResourcePageAsync("hold");
        await FillSlotAsync(page, Slots.Day(4), "15:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hold", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Timer)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+:\d\d$"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm", Exact = true }).ClickAsync();
        await Expect(page.Locator(".alert.success", new() { HasText = "Confirmed:" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Timer)).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    /// <summary>A new user on a new resource's page.</summary>
    private async Task<(IPage Page, string Name, Guid ResourceId)> ResourcePageAsync(string prefix)
    {
        var name = UiHost.Unique(prefix);
        var resourceId = await ui.Api.CreateResourceAsync(ui.AdminToken, Slots.Resource(name));
        var username = UiHost.Unique("u");
        await ui.Api.UserAsync(username);
        var page = await ui.SignedInPageAsync(username);
        await page.OpenAsync($"/resources/{resourceId}");
        return (page, name, resourceId);
    }

    internal static async Task FillSlotAsync(IPage page, DateOnly day, string start, string minutes = "60")
    {
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Start time").FillAsync(start);
        await page.GetByLabel("Duration").SelectOptionAsync(minutes);
    }
}
