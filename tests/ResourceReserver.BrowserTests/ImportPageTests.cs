using System.Text;
using ResourceReserver.BrowserTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ResourceReserver.BrowserTests;

/// <summary>The admin's CSV import in the UI: a bad row is shown with its row number and blocks the import; the fixed
/// file imports and its resource is then listed for everyone; the export links download resources and the admin's reservations.</summary>
[Collection(UiCollection.Name)]
public sealed class ImportPageTests(UiHost ui)
{
    [Fact]
    public async Task An_admin_fixes_the_bad_row_the_preview_shows_and_imports_the_file()
    {
        var good = UiHost.Unique("Imported room");
        var other = UiHost.Unique("Imported desk");
        var page = await ui.SignedInPageAsync(UiHost.Admin);
        await page.GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Import resources" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import resources", Level = 1 })).ToBeVisibleAsync();

        await UploadAsync(page, $"name,capacity,timeZone,tags\n{good},8,Europe/Paris,\"meeting,projector\"\n{other},many,Europe/Paris,\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        var problems = page.GetByRole(AriaRole.Table, new() { Name = "Problems in the file" });
        var bad = problems.GetByRole(AriaRole.Row).Filter(new() { HasText = "many" });
        await Expect(bad.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("2");
        await Expect(bad).ToContainTextAsync("capacity");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true })).ToBeDisabledAsync();

        await UploadAsync(page, $"name,capacity,timeZone,tags\n{good},8,Europe/Paris,\"meeting,projector\"\n{other},2,Europe/Paris,\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.GetByTestId("import-summary")).ToContainTextAsync("Rows: 2 · would create: 2 · would update: 0");
        await Expect(problems).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Imported: 2 created, 0 updated")).ToBeVisibleAsync();
        await page.ScreenshotAsync("admin-import");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export resources (CSV)" }).ClickAsync());
        Assert.Contains(good, await File.ReadAllTextAsync((await download.PathAsync())!));
        // The reservations export needs a sign-in: this link is served with the UI's cookie.
        var reservations = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export reservations (CSV)" }).ClickAsync());
        Assert.StartsWith("id,resourceId,userId,start,end", (await File.ReadAllTextAsync((await reservations.PathAsync())!)).TrimStart('\uFEFF'));

        await page.GetByRole(AriaRole.Link, new() { Name = "Resources", Exact = true }).First.ClickAsync();
        await page.GetByLabel("Search").FillAsync(good);
        await Expect(page.GetByTestId("resource-card").Filter(new() { HasText = good })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private static Task UploadAsync(IPage page, string csv) =>
        page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "resources.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
}
