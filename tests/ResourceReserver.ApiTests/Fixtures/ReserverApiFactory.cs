using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ResourceReserver.ApiTests.Fixtures;

/// <summary>
/// The real host (embedded mode: SQLite file, localhost clustering, SQLite reminders) in a temp folder, on free
/// silo ports. One per test collection; tests arrange their own data with unique names.
/// </summary>
public sealed class ReserverApiFactory(IReadOnlyDictionary<string, string>? settings = null, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "rr-api-" + Guid.NewGuid().ToString("N"));

    /// <summary>The SQLite file the host writes.</summary>
    public string DatabasePath => Path.Combine(_dataDirectory, "reserver.db");

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:SqlitePath", DatabasePath);
        builder.UseSetting("Clustering:Provider", "Localhost");
        builder.UseSetting("Clustering:SiloPort", FreePort.Next().ToString());
        builder.UseSetting("Clustering:GatewayPort", FreePort.Next().ToString());
        builder.UseSetting("Clustering:ServiceId", "api-tests");
        builder.UseSetting("Auth:PasswordHashing:WorkFactor", "4");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        configure?.Invoke(builder);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection; the temp folder is cleaned by the OS eventually.
        }
    }
}
