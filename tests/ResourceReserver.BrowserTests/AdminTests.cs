using ResourceReserver.BrowserTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ResourceReserver.BrowserTests;

[Collection(UiCollection.Name)]
public sealed class AdminTests(UiHost ui)
{
    [Fact]
    public async Task An_admin_creates_a_resource_that_people_can_then_find()
    {
        var name = UiHost.Unique("Lab");
        var page = await ui.SignedInPageAsync(UiHost.Admin);
        await page.GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        // The resources card by its address: other cards' descriptions mention resources too.
        await page.Locator("main a[href='/admin/resources']").ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Tags").FillAsync("lab, microscope");
        await page.GetByLabel("Capacity").FillAsync("2");
        await page.GetByLabel("Time zone").FillAsync("Europe/Paris");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create resource" }).ClickAsync();

        await Expect(page.GetByText("Resource created.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();

        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("maintenance");
        await page.GetByLabel("Back to available after (hours)").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set status" }).ClickAsync();
        await Expect(page.GetByText("Status set.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Resources", Exact = true }).First.ClickAsync();
        await page.GetByLabel("Search").FillAsync(name);
        var card = page.GetByTestId("resource-card").Filter(new() { HasText = name });
        await Expect(card).ToContainTextAsync("Maintenance");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_member_does_not_get_the_admin_pages()
    {
        var username = UiHost.Unique("member");
        await ui.Api.UserAsync(username);
        var page = await ui.SignedInPageAsync(username);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToHaveCountAsync(0);
        // The page's endpoint carries the admin requirement: a member is sent to the dashboard instead.
        await page.OpenAsync("/admin/resources");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Hello");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create resource" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
