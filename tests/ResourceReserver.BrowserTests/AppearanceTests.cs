using ResourceReserver.BrowserTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ResourceReserver.BrowserTests;

[Collection(UiCollection.Name)]
public sealed class AppearanceTests(UiHost ui)
{
    [Fact]
    public async Task The_theme_choice_shows_at_once_and_persists()
    {
        var page = await ui.SignedInPageAsync(await NewUserAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        var html = page.Locator("html");

        await page.GetByLabel("Theme", new() { Exact = true }).SelectOptionAsync("dark");
        await Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        await Expect(page.GetByLabel("Theme", new() { Exact = true })).ToHaveValueAsync("dark");

        await page.GetByLabel("Theme", new() { Exact = true }).SelectOptionAsync("light");
        await Expect(html).ToHaveAttributeAsync("data-theme", "light");

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.GetByLabel("Theme", new() { Exact = true }).SelectOptionAsync("system");
        await Expect(html).ToHaveAttributeAsync("data-theme", "dark");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Spanish_is_chosen_in_settings_and_persists()
    {
        var page = await ui.SignedInPageAsync(await NewUserAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await page.GetByLabel("Language", new() { Exact = true }).SelectOptionAsync("es");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Recursos", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mis reservas" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ajustes" })).ToBeVisibleAsync();

        await page.OpenAsync("/reservations");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mis reservas");
        await Expect(page.GetByLabel("Idioma", new() { Exact = true })).ToHaveCountAsync(0); // only on the settings page
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_first_visit_follows_accept_language()
    {
        await using var context = await ui.NewContextAsync(locale: "fr-FR");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Nom d'utilisateur")).ToBeVisibleAsync();
    }

    private async Task<string> NewUserAsync()
    {
        var username = UiHost.Unique("look");
        await ui.Api.UserAsync(username);
        return username;
    }
}
