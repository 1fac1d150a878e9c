using ResourceReserver.BrowserTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ResourceReserver.BrowserTests;

/// <summary>The audit log in the UI: a change made through the circuit is on record with the browser's address, in the
/// member's own activity and on the admin's audit page, whose filters and CSV download work.</summary>
[Collection(UiCollection.Name)]
public sealed class AuditPageTests(UiHost ui)
{
    [Fact]
    public async Task A_change_made_in_the_ui_is_on_record_with_its_address_and_the_admin_finds_and_exports_it()
    {
        var username = UiHost.Unique("audited");
        await ui.Api.UserAsync(username);
        var member = await ui.SignedInPageAsync(username);
        await member.OpenAsync("/settings");
        await member.GetByLabel("Email", new() { Exact = true }).FillAsync($"{username}@example.com");
        await member.GetByRole(AriaRole.Button, new() { Name = "Save profile" }).ClickAsync();
        await Expect(member.GetByText("Saved.")).ToBeVisibleAsync();

        await member.OpenAsync("/settings");
        var mine = member.GetByRole(AriaRole.Table, new() { Name = "My activity" });
        await Expect(mine.GetByRole(AriaRole.Row).Filter(new() { HasText = "user.updated" })).ToContainTextAsync("127.0.0.1");
        await Expect(mine.GetByRole(AriaRole.Row).Filter(new() { HasText = "auth.sign_in" }).First).ToContainTextAsync("Success");
        await member.Context.CloseAsync();

        var admin = await ui.SignedInPageAsync(UiHost.Admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Audit log", Level = 1 })).ToBeVisibleAsync();
        await admin.GetByLabel("Action", new() { Exact = true }).FillAsync("user.updated");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        var row = admin.GetByRole(AriaRole.Table, new() { Name = "Audit log" }).GetByRole(AriaRole.Row).Filter(new() { HasText = username });
        await Expect(row).ToContainTextAsync("127.0.0.1");
        await Expect(admin.GetByRole(AriaRole.Table, new() { Name = "Audit log" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "auth.sign_in" })).ToHaveCountAsync(0);

        var download = await admin.RunAndWaitForDownloadAsync(() => admin.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("id,at,actorId,actorName,action", csv);
        Assert.Contains(username, csv);
        Assert.DoesNotContain("auth.sign_in", csv);
        await admin.ScreenshotAsync("admin-audit");
        await admin.Context.CloseAsync();
    }
}
