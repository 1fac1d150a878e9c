using System.Net;
using System.Net.Sockets;

namespace ResourceReserver.ApiTests.Fixtures;

/// <summary>Finds TCP ports nobody listens on, so test silos never collide with each other or a dev host.</summary>
public static class FreePort
{
    /// <summary>A port that was free a moment ago.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
