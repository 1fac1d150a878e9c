using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using ResourceReserver.BrowserTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ResourceReserver.BrowserTests;

/// <summary>axe-core over the main pages in both themes (and the sign-in page), with a screenshot of each for people to look at.</summary>
[Collection(UiCollection.Name)]
public sealed class AccessibilityTests(UiHost ui)
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Main_pages_have_no_serious_or_critical_violation(string theme)
    {
        var pages = await MainPages.ArrangeAsync(ui);
        await using var context = await ui.NewContextAsync();
        await context.AddCookiesAsync([new Cookie { Name = "rr-theme", Value = theme, Url = ui.Host.BaseAddress.ToString() }]);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/signin");
        var problems = await ScanAsync(page, "signin", theme);
        await page.ScreenshotAsync($"{theme}-signin");
        await page.SignInAsync(UiHost.Admin);
        foreach (var (name, path) in pages)
        {
            await page.OpenAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("[aria-busy=true]")).ToHaveCountAsync(0);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", theme);
            problems.AddRange(await ScanAsync(page, name, theme));
            await page.ScreenshotAsync($"{theme}-{name}");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Main_pages_in_spanish_for_the_screenshots()
    {
        var pages = await MainPages.ArrangeAsync(ui);
        await using var context = await ui.NewContextAsync(locale: "es-ES");
        var page = await context.NewPageAsync();
        await page.SignInAsync(UiHost.Admin);
        foreach (var (name, path) in pages)
        {
            await page.OpenAsync(path);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
            await Expect(page.Locator("[aria-busy=true]")).ToHaveCountAsync(0);
            await page.ScreenshotAsync($"es-{name}");
        }
    }

    /// <summary>
    /// Every rule in the light theme; in the dark one the rules whose outcome depends on colours (the markup is the
    /// same), which halves the suite's time.
    /// </summary>
    private static async Task<List<string>> ScanAsync(IPage page, string name, string theme)
    {
        var options = new AxeRunOptions { ResultTypes = [ResultType.Violations] };
        if (theme == "dark")
        {
            options.RunOnly = new RunOnlyOptions { Type = "rule", Values = ["color-contrast", "link-in-text-block"] };
        }

        var result = await page.RunAxe(options);
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{theme} {name}: {v.Impact} {v.Id} — {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
    }
}
