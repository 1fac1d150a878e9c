using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using ResourceReserver.Audit;
using ResourceReserver.Host.Auth;

namespace ResourceReserver.Host.Audit;

/// <summary>Builds the <see cref="RequestOrigin"/> of an HTTP request or a UI circuit.</summary>
public static class RequestOrigins
{
    /// <summary>The origin of <paramref name="principal"/> calling from <paramref name="ip"/> with <paramref name="userAgent"/>.</summary>
    public static RequestOrigin Of(ClaimsPrincipal principal, string? ip, string? userAgent)
    {
        var signedIn = principal.Identity?.IsAuthenticated == true
            && Guid.TryParse(principal.FindFirstValue(JwtRegisteredClaimNames.Sub), out _);
        return new RequestOrigin(
            signedIn ? Guid.Parse(principal.FindFirstValue(JwtRegisteredClaimNames.Sub)!) : null,
            signedIn ? principal.FindFirstValue(JwtRegisteredClaimNames.UniqueName) : null,
            ip,
            userAgent)
        {
            ClientId = signedIn ? principal.FindFirstValue(Scopes.ClientClaim) : null,
        };
    }

    /// <summary>The origin of an HTTP request (after authentication).</summary>
    public static RequestOrigin Of(HttpContext http) =>
        Of(http.User, http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null);
}
