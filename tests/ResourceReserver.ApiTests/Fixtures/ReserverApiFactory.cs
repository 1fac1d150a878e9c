using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ResourceReserver.ApiTests.Fixtures;

/// <summary>
/// The real host (embedded mode: SQLite file, localhost clustering, SQLite reminders) in a temp folder, on free
/// silo ports. One per test collection; tests arrange their own data with unique names.
/// </summary>
public sealed class ReserverApiFactory(IReadOnlyDictionary<string, string>? settings = null, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "rr-api-" + Guid.NewGuid().ToString("N"));

    /// <summary>Limits no test reaches by accident: the limits stay on, as in production, but never get in the way.</summary>
    public static readonly IReadOnlyDictionary<string, string> GenerousRateLimits = new[] { "Anonymous", "Guest", "User", "Premium", "Admin", "Auth" }
        .ToDictionary(tier => $"RateLimits:{tier}", _ => "1000000");

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

        // Tests share one address and send far more than a person would; the rate-limit tests set their own limits.
        foreach (var limit in GenerousRateLimits)
        {
            builder.UseSetting(limit.Key, limit.Value);
        }

        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ClientAddressFilter>());
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        configure?.Invoke(builder);
    }

    /// <summary>
    /// The in-memory test server has no client address; a request may name one in <see cref="ClientAddressHeader"/>,
    /// as if it came from that address (per-IP limits are tested with it).
    /// </summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

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

/// <summary>Sets the connection's remote address from <see cref="ReserverApiFactory.ClientAddressHeader"/>, before anything else runs.</summary>
internal sealed class ClientAddressFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[ReserverApiFactory.ClientAddressHeader].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
