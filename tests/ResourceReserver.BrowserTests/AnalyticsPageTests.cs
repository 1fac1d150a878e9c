using System.Text.RegularExpressions;
using ResourceReserver.BrowserTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ResourceReserver.BrowserTests;

/// <summary>The analytics page: a booking made through the API shows as booked hours of its resource, the
/// utilization CSV downloads with the UI's cookie, and the group and resource pickers narrow every figure, the CSV
/// links and the page's URL.</summary>
[Collection(UiCollection.Name)]
public sealed class AnalyticsPageTests(UiHost ui)
{
    [Fact]
    public async Task The_admin_sees_a_booked_resource_with_its_booked_hours_and_downloads_the_csv()
    {
        var admin = await ui.Api.UserAsync(UiHost.Admin);
        var name = UiHost.Unique("Analysed room");
        var resource = await ui.Api.CreateResourceAsync(admin, Slots.Resource(name));
        var day = Slots.Day(2);
        await ui.Api.BookAsync(admin, resource, Slots.At(day, 10), Slots.At(day, 12));

        var page = await ui.SignedInPageAsync(UiHost.Admin);
        await page.GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Analytics" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Analytics", Level = 1 })).ToBeVisibleAsync();
        // The default period ends today; the booking is two days ahead.
        await page.GetByLabel("Until (UTC)").FillAsync(day.AddDays(2).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Table, new() { Name = "Utilization" }).GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("2.0");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Most booked" })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Utilization CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("resourceId,name,capacity,bookings,bookedHours", csv);
        Assert.Contains(name, csv);
        await page.ScreenshotAsync("admin-analytics");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Picking_a_group_shows_only_its_resources_figures_and_the_url_keeps_the_filter()
    {
        var admin = ui.AdminToken;
        var (north, south) = (UiHost.Unique("North wing"), UiHost.Unique("South wing"));
        var (northRoom, southRoom) = (UiHost.Unique("North room"), UiHost.Unique("South room"));
        var northId = await ui.Api.CreateGroupAsync(admin, north);
        var southRoomId = await ui.Api.CreateResourceAsync(admin, Slots.Resource(southRoom, groupId: await ui.Api.CreateGroupAsync(admin, south)));
        var northRoomId = await ui.Api.CreateResourceAsync(admin, Slots.Resource(northRoom, groupId: northId));
        var day = Slots.Day(2);
        await ui.Api.BookAsync(admin, northRoomId, Slots.At(day, 9), Slots.At(day, 12));
        await ui.Api.BookAsync(admin, southRoomId, Slots.At(day, 10), Slots.At(day, 11));
        await ui.Api.BookAsync(admin, southRoomId, Slots.At(day, 14), Slots.At(day, 15));

        var page = await ui.SignedInPageAsync(UiHost.Admin);
        await page.OpenAsync("/admin/analytics");
        await page.GetByLabel("Until (UTC)").FillAsync(day.AddDays(2).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();
        await page.GetByLabel("Group", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = north });

        await ExpectOnlyNorthAsync(page, northRoom);
        await Expect(page).ToHaveURLAsync(new Regex($"groupId={northId}"));
        Assert.Equal(["All resources", northRoom], await page.GetByLabel("Resource", new() { Exact = true }).Locator("option").AllTextContentsAsync());

        // A reload (or the link sent to someone) shows the same figures with the group still picked.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByLabel("Group", new() { Exact = true })).ToHaveValueAsync(northId.ToString());
        await ExpectOnlyNorthAsync(page, northRoom);
        await page.ScreenshotAsync("admin-analytics-group");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Utilization CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains(northRoom, csv);
        Assert.DoesNotContain(southRoom, csv);

        // The other group: its two bookings, and its one resource picked on its own.
        await page.GetByLabel("Group", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = south });
        await Expect(Total(page, 0)).ToHaveTextAsync("2");
        await Expect(Total(page, 1)).ToHaveTextAsync("2.0");
        await page.GetByLabel("Resource", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = southRoom });
        await Expect(page).ToHaveURLAsync(new Regex($"resourceId={southRoomId}"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Most booked CSV" })).ToHaveAttributeAsync("href", new Regex($"resourceId={southRoomId}"));
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Utilization" }).Locator("tbody tr")).ToHaveTextAsync([new Regex(southRoom)]);
        await page.Context.CloseAsync();
    }

    private static async Task ExpectOnlyNorthAsync(IPage page, string northRoom)
    {
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "Utilization" }).Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync(northRoom);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Most booked" }).Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(Total(page, 0)).ToHaveTextAsync("1");
        await Expect(Total(page, 1)).ToHaveTextAsync("3.0");
    }

    // The totals' stat cards in order: bookings, booked hours, utilization.
    private static ILocator Total(IPage page, int index) => page.GetByTestId("analytics-totals").Locator(".stat .value").Nth(index);
}
