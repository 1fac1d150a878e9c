namespace ResourceReserver.BrowserTests.Fixtures;

/// <summary>A browser for tests that start hosts of their own (the clustered ones), so they run beside the UI collection.</summary>
public sealed class BrowserOnly : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<BrowserOnly>
{
    public const string Name = "cluster";
}
