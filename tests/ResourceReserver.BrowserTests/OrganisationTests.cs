using ResourceReserver.BrowserTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ResourceReserver.BrowserTests;

/// <summary>
/// Organisation in the UI: an admin builds Building / Floor 2 on the groups page and files a resource there in its
/// edit form; a member filters /resources by the building (subgroups included) and finds it, and the search box's
/// typeahead suggests it. A member saves the filters as a search, runs it from its chip and deletes it.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class OrganisationTests(UiHost ui)
{
    [Fact]
    public async Task An_admin_files_a_resource_under_building_and_floor_and_a_member_finds_it_by_group_and_typeahead()
    {
        var building = UiHost.Unique("Building A");
        var name = UiHost.Unique("Orgroom");
        var resourceId = await ui.Api.CreateResourceAsync(ui.AdminToken, Slots.Resource(name));

        var admin = await ui.SignedInPageAsync(UiHost.Admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Groups" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Groups", Level = 1 })).ToBeVisibleAsync();
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync(building);
        await admin.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Building" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create group" }).ClickAsync();
        await Expect(admin.GetByTestId("group-node").Filter(new() { HasText = building })).ToBeVisibleAsync();
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Floor 2");
        await admin.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Floor" });
        await admin.GetByLabel("Parent").SelectOptionAsync(new SelectOptionValue { Label = building });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create group" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = $"Delete {building}" })).ToBeVisibleAsync();

        // A building with a floor is not empty: the 409 is shown and nothing goes.
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Delete {building}" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("still holds subgroups or resources");
        await admin.ScreenshotAsync("admin-groups");

        await admin.OpenAsync($"/admin/resources/{resourceId}");
        await admin.GetByLabel("Group", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{building} / Floor 2" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Expect(admin.GetByText("Saved.")).ToBeVisibleAsync();
        await admin.Context.CloseAsync();

        var username = UiHost.Unique("orgmember");
        await ui.Api.UserAsync(username);
        var member = await ui.SignedInPageAsync(username);
        await member.OpenAsync("/resources");
        await member.GetByLabel("Group", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = building });
        var cards = member.GetByTestId("resource-card");
        await Expect(cards).ToHaveCountAsync(1);
        await Expect(cards.First).ToContainTextAsync(name);

        await member.GetByLabel("Group", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "All groups" });
        await member.GetByLabel("Search", new() { Exact = true }).PressSequentiallyAsync(name[..10]);
        await Expect(member.GetByRole(AriaRole.Listbox, new() { Name = "Suggestions" }).GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await member.ScreenshotAsync("resources-organisation");
        await member.Context.CloseAsync();
    }

    [Fact]
    public async Task A_member_saves_the_filters_runs_the_saved_search_from_its_chip_and_deletes_it()
    {
        var tag = UiHost.Unique("savedtag").ToLowerInvariant();
        var name = UiHost.Unique("Savedroom");
        await ui.Api.CreateResourceAsync(ui.AdminToken, Slots.Resource(name, tags: [tag]));
        var username = UiHost.Unique("searcher");
        await ui.Api.UserAsync(username);
        var member = await ui.SignedInPageAsync(username);
        await member.OpenAsync("/resources");
        var cards = member.GetByTestId("resource-card");
        var chips = member.GetByTestId("saved-search");

        await member.GetByLabel("Tag", new() { Exact = true }).SelectOptionAsync(tag);
        await Expect(cards).ToHaveCountAsync(1);
        await member.GetByLabel("Save these filters as").FillAsync("My tag");
        await member.GetByRole(AriaRole.Button, new() { Name = "Save search" }).ClickAsync();
        await Expect(chips).ToHaveCountAsync(1);
        await Expect(member.GetByLabel("Save these filters as")).ToHaveValueAsync("");

        // Kept across a reload; running it puts its filters back.
        await member.OpenAsync("/resources");
        await Expect(member.GetByLabel("Tag", new() { Exact = true })).ToHaveValueAsync("");
        await member.GetByRole(AriaRole.Button, new() { Name = "My tag", Exact = true }).ClickAsync();
        await Expect(member.GetByLabel("Tag", new() { Exact = true })).ToHaveValueAsync(tag);
        await Expect(cards).ToHaveCountAsync(1);
        await Expect(cards.First).ToContainTextAsync(name);

        // A nameless search is refused with the field named, and nothing is saved.
        await member.GetByRole(AriaRole.Button, new() { Name = "Save search" }).ClickAsync();
        await Expect(member.GetByRole(AriaRole.Alert).Filter(new() { HasText = "The name is required" })).ToBeVisibleAsync();
        await Expect(chips).ToHaveCountAsync(1);

        await member.GetByRole(AriaRole.Button, new() { Name = "Delete saved search My tag" }).ClickAsync();
        await Expect(chips).ToHaveCountAsync(0);
        await member.OpenAsync("/resources");
        await Expect(member.GetByRole(AriaRole.Button, new() { Name = "Save search" })).ToBeVisibleAsync();
        await Expect(chips).ToHaveCountAsync(0);
        await member.Context.CloseAsync();
    }
}
