namespace ResourceReserver.BrowserTests.Fixtures;

/// <summary>What every UI test does: open a page and wait for interactivity, sign in through the form.</summary>
public static class UiPages
{
    /// <summary>Goes to <paramref name="path"/> and waits until the circuit is up (the layout's marker).</summary>
    public static async Task OpenAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Waits for the marker the layout renders from <c>RendererInfo.IsInteractive</c>.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

    /// <summary>Signs in through the sign-in page and waits for the dashboard.</summary>
    public static async Task SignInAsync(this IPage page, string username, string password = Api.Password)
    {
        await page.GotoAsync("/signin");
        // By id, so it works in every language.
        await page.Locator("#username").FillAsync(username);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin"));
        await page.WaitForInteractiveAsync();
    }

    /// <summary>A signed-in page in a context of its own.</summary>
    public static async Task<IPage> SignedInPageAsync(this UiHost ui, string username, int width = 1360, int height = 900)
    {
        var context = await ui.NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        await page.SignInAsync(username);
        return page;
    }

    /// <summary>A full-page screenshot under <c>.ci/work/screenshots</c>.</summary>
    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Paths.Screenshots, name + ".png"), FullPage = true });
}
