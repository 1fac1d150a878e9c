namespace ResourceReserver.BrowserTests.Fixtures;

/// <summary>Debian's chromium driven by Playwright (STYLE.md: there is no environment variable for the path).</summary>
public static class Chromium
{
    /// <summary>Where Debian installs it.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Starts a headless browser.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        return (playwright, browser);
    }
}
