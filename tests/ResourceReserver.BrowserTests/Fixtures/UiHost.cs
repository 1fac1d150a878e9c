namespace ResourceReserver.BrowserTests.Fixtures;

/// <summary>
/// One embedded-mode host and one browser for the UI tests; the first account (<see cref="Admin"/>) is the
/// administrator. Each test makes its own users and resources with unique names.
/// </summary>
public sealed class UiHost : IAsyncLifetime
{
    /// <summary>The administrator's username.</summary>
    public const string Admin = "admin";

    private IPlaywright? _playwright;

    public HostProcess Host { get; } = new("ui", HostProcess.Embedded());

    public IBrowser Browser { get; private set; } = default!;

    public Api Api { get; private set; } = default!;

    /// <summary>The administrator's bearer token.</summary>
    public string AdminToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // A shared two-core machine: give pages time, never a timing assertion.
        Assertions.SetDefaultExpectTimeout(15_000);
        await Host.StartAsync();
        Api = new Api(Host.BaseAddress);
        AdminToken = await Api.UserAsync(Admin);
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    /// <summary>A new browser context (own cookies) at the host, optionally phone-sized or in another language.</summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1360, int height = 900, string locale = "en-US", string timezone = "Europe/London") =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            TimezoneId = timezone,
        });

    /// <summary>A unique name for this test's users and resources.</summary>
    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Api?.Dispose();
        await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class UiCollection : ICollectionFixture<UiHost>
{
    public const string Name = "ui";
}
