using ResourceReserver.BrowserTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ResourceReserver.BrowserTests;

/// <summary>The Orleans dashboard, opened from a browser with the web UI's session cookie: administrators only.</summary>
[Collection(UiCollection.Name)]
public sealed class DashboardTests(UiHost ui)
{
    [Fact]
    public async Task An_admin_signed_in_to_the_ui_opens_the_cluster_dashboard_from_the_admin_page()
    {
        var page = await ui.SignedInPageAsync(UiHost.Admin);
        await page.OpenAsync("/admin");
        var opened = await page.Context.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Cluster dashboard" }).ClickAsync());

        // The dashboard's script ran, fetched the cluster's counters with the cookie and drew them.
        await Expect(opened.GetByText("Active Silos")).ToBeVisibleAsync();
        Assert.StartsWith(new Uri(ui.Host.BaseAddress, "/dashboard").ToString(), opened.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_member_and_an_anonymous_visitor_are_kept_out_of_the_dashboard()
    {
        var username = UiHost.Unique("member");
        await ui.Api.UserAsync(username);
        var member = await ui.SignedInPageAsync(username);
        // The dashboard's data, asked for with the member's cookie: sent away (to the UI's home), never served.
        var refused = await member.Context.APIRequest.GetAsync("/dashboard/DashboardCounters", new() { MaxRedirects = 0 });
        Assert.Equal(302, refused.Status);
        Assert.DoesNotContain("totalActiveHostCount", await refused.TextAsync(), StringComparison.OrdinalIgnoreCase);
        await member.OpenAsync("/dashboard");
        await Expect(member.GetByText("Active Silos")).ToHaveCountAsync(0);
        await Expect(member.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Hello");
        await member.Context.CloseAsync();

        var context = await ui.NewContextAsync();
        var anonymous = await context.NewPageAsync();
        await anonymous.GotoAsync("/dashboard");
        Assert.Contains("/signin", anonymous.Url);
        await context.CloseAsync();
    }
}
