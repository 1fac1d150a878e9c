using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.JsonWebTokens;
using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Auth;

/// <summary>
/// The web UI's session: an HttpOnly, SameSite=Lax cookie (Secure over HTTPS) holding the user id, name, roles and the
/// id of the refresh-token family the sign-in started. Every request re-checks that family in the user grain and
/// takes the current roles and permissions from it (<see cref="AccessResolver"/>), so signing out anywhere, a revoked
/// session or a disabled account ends it and a role change applies to the next request (and to open pages at their
/// next revalidation, <see cref="Web.SessionRevalidation"/>).
/// </summary>
public sealed class UiSession(AccessResolver access)
{
    /// <summary>The cookie authentication scheme of the UI.</summary>
    public const string Scheme = "ui-session";

    /// <summary>The claim holding the session (refresh-token family) id.</summary>
    public const string SessionClaim = AccessResolver.SessionClaim;

    /// <summary>Applies the cookie settings and the per-request session check.</summary>
    public void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "rr-session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.LoginPath = "/signin";
        options.AccessDeniedPath = "/";
        options.ReturnUrlParameter = "returnUrl";
        options.SlidingExpiration = false;
        options.Events.OnValidatePrincipal = ValidateAsync;
    }

    /// <summary>A principal for a fresh sign-in.</summary>
    public static ClaimsPrincipal Principal(UserProfile user, Guid sessionId)
    {
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
            new(JwtRegisteredClaimNames.UniqueName, user.Username),
            new(SessionClaim, sessionId.ToString()),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, JwtRegisteredClaimNames.UniqueName, ClaimTypes.Role));
    }

    /// <summary>
    /// The principal with the roles and permissions its user has now, or null when its session (or account) has ended.
    /// </summary>
    public async Task<ClaimsPrincipal?> RefreshAsync(ClaimsPrincipal principal)
    {
        var identity = new ClaimsIdentity(principal.Claims, Scheme, JwtRegisteredClaimNames.UniqueName, ClaimTypes.Role);
        return identity.HasClaim(c => c.Type == SessionClaim) && await access.ApplyAsync(identity) ? new ClaimsPrincipal(identity) : null;
    }

    /// <summary>True when both principals hold the same roles and permissions.</summary>
    public static bool SameAccess(ClaimsPrincipal a, ClaimsPrincipal b) =>
        Access(a).SequenceEqual(Access(b));

    private static IEnumerable<string> Access(ClaimsPrincipal principal) =>
        principal.Claims.Where(c => c.Type is ClaimTypes.Role or PermissionPolicies.Claim).Select(c => c.Type + "=" + c.Value).Order(StringComparer.Ordinal);

    private async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is null || await RefreshAsync(context.Principal) is not { } current)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }

        context.ShouldRenew = !current.FindAll(ClaimTypes.Role).Select(c => c.Value).Order()
            .SequenceEqual(context.Principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order());
        context.ReplacePrincipal(current);
    }
}
