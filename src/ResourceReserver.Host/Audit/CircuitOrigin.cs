using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using ResourceReserver.Audit;

namespace ResourceReserver.Host.Audit;

/// <summary>
/// The web UI's counterpart of <see cref="AuditOriginMiddleware"/>: UI actions arrive over the circuit, which HTTP
/// middleware never sees, so each inbound activity (a click, a form) gets the signed-in user, the address and the
/// user agent of the connection that opened the circuit.
/// </summary>
public sealed class CircuitOrigin(AuthenticationStateProvider authentication, IHttpContextAccessor accessor) : CircuitHandler
{
    private string? _ip;
    private string? _userAgent;

    /// <inheritdoc />
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        // Runs inside the hub call that (re)connects the circuit, where the connection's HttpContext is current.
        if (accessor.HttpContext is { } http)
        {
            _ip = http.Connection.RemoteIpAddress?.ToString();
            _userAgent = http.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            RequestOrigin.Set(RequestOrigins.Of(user, _ip, _userAgent));
            await next(context);
        };
}
