using ResourceReserver.BrowserTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ResourceReserver.BrowserTests;

[Collection(UiCollection.Name)]
public sealed class PhoneAndOfflineTests(UiHost ui)
{
    [Fact]
    public async Task On_a_phone_no_page_scrolls_sideways_and_the_menu_opens()
    {
        var pages = await MainPages.ArrangeAsync(ui);
        var page = await ui.SignedInPageAsync(UiHost.Admin, width: 390, height: 844);
        foreach (var (name, path) in pages)
        {
            await page.OpenAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            var (scroll, width) = (sizes[0], sizes[1]);
            Assert.True(scroll <= width, $"{name}: {scroll}px wide content in a {width}px viewport");
            await page.ScreenshotAsync($"phone-{name}");
        }

        var nav = page.GetByRole(AriaRole.Link, new() { Name = "My reservations" });
        await Expect(nav).Not.ToBeInViewportAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await Expect(nav).ToBeInViewportAsync();
        await nav.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My reservations", Level = 1 })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_app_is_installable_and_shows_the_offline_page_without_a_network()
    {
        await using var context = await ui.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.OpenAsync("/resources");

        var manifest = await page.Locator("link[rel=manifest]").GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(manifest!);
        var json = System.Text.Json.JsonDocument.Parse(await response.TextAsync()).RootElement;
        Assert.Equal("standalone", json.GetProperty("display").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("short_name").GetString()));
        var sizes = json.GetProperty("icons").EnumerateArray().Select(i => i.GetProperty("sizes").GetString()).ToList();
        Assert.Contains("192x192", sizes);
        Assert.Contains("512x512", sizes);
        foreach (var icon in json.GetProperty("icons").EnumerateArray())
        {
            var png = await (await page.APIRequest.GetAsync(icon.GetProperty("src").GetString()!)).BodyAsync();
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        }

        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 30_000 });
        await context.SetOfflineAsync(true);
        await page.GotoAsync("/reservations");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You're offline" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("offline");

        await context.SetOfflineAsync(false);
        await page.GetByRole(AriaRole.Link, new() { Name = "Try again" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
