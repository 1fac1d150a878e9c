using ResourceReserver.BrowserTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ResourceReserver.BrowserTests;

/// <summary>The analytics page: a booking made through the API shows as booked hours of its resource, and the
/// utilization CSV downloads with the UI's cookie.</summary>
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
}
