using System.Net;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ResourceReserver.Host.RateLimits;

/// <summary>
/// The address of the browser behind a web UI circuit, taken from the circuit's connection when it comes up, so an
/// anonymous page spends from the same per-IP budget as that browser's API requests.
/// </summary>
public sealed class CircuitCaller(IHttpContextAccessor http) : CircuitHandler
{
    /// <summary>The browser's address, once the circuit's connection is up.</summary>
    public IPAddress? Address { get; private set; }

    /// <inheritdoc />
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Address = http.HttpContext?.Connection.RemoteIpAddress ?? Address;
        return Task.CompletedTask;
    }
}
