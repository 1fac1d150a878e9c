using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ResourceReserver.CliTests.Fixtures;

/// <summary>
/// The real host (embedded mode: SQLite, localhost clustering) on a real loopback port (Kestrel), so the CLI talks
/// to it over HTTP exactly as it talks to a deployment, SignalR included.
/// </summary>
public sealed class CliHostFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "rr-cli-" + Guid.NewGuid().ToString("N"));

    /// <summary>Starts the host on a free port.</summary>
    public CliHostFactory()
    {
        UseKestrel(FreePort());
        StartServer();
        using var client = CreateClient();
        Url = client.BaseAddress!.AbsoluteUri.TrimEnd('/');
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:SqlitePath", Path.Combine(_dataDirectory, "reserver.db"));
        builder.UseSetting("Clustering:Provider", "Localhost");
        builder.UseSetting("Clustering:SiloPort", FreePort().ToString());
        builder.UseSetting("Clustering:GatewayPort", FreePort().ToString());
        builder.UseSetting("Clustering:ServiceId", "cli-tests");
        builder.UseSetting("Auth:PasswordHashing:WorkFactor", "4");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var tier in new[] { "Anonymous", "Guest", "User", "Premium", "Admin", "Auth" })
        {
            // The tour signs in and books far faster than a person would; the limits stay on, out of the way.
            builder.UseSetting($"RateLimits:{tier}", "1000000");
        }


        // Webhook targets in these tests are closed loopback ports: deliveries fail here, never leave the machine.
        builder.UseSetting("Webhooks:AllowPrivateNetworks", "true");
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
            // A pooled connection may still hold the file; the OS cleans temp eventually.
        }
    }

    /// <summary>A TCP port nobody listened on a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
