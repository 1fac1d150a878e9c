using ResourceReserver.BrowserTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ResourceReserver.BrowserTests;

[Collection(UiCollection.Name)]
public sealed class AccountTests(UiHost ui)
{
    [Fact]
    public async Task Register_lands_on_the_dashboard_and_sign_in_works_after_signing_out()
    {
        var username = UiHost.Unique("reg");
        await using var context = await ui.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/register");
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Email").FillAsync($"{username}@example.com");
        await page.GetByLabel("Password").FillAsync(Api.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(username);

        var cookies = await context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "rr-session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/signin"));
        await Expect(page.GetByText("You are signed out.")).ToBeVisibleAsync();

        await page.SignInAsync(username);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "My reservations" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_clear_message()
    {
        await using var context = await ui.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("Username").FillAsync(UiHost.Admin);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The username or password is wrong.");
    }

    [Fact]
    public async Task Signing_out_elsewhere_ends_the_open_page()
    {
        var username = UiHost.Unique("revoke");
        var token = await ui.Api.UserAsync(username);
        var page = await ui.SignedInPageAsync(username);
        await page.OpenAsync("/reservations");

        await ui.Api.LogoutAsync(token);

        // Revalidation (every second in the tests) notices the revoked session and the page goes to sign-in.
        await page.WaitForURLAsync(url => url.Contains("/signin"), new() { Timeout = 15_000 });
        await page.GotoAsync("/reservations");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
