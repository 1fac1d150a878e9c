using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.JsonWebTokens;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Application;

namespace ResourceReserver.Host.Auth;

/// <summary>
/// The web UI's session: an HttpOnly, SameSite=Lax cookie (Secure over HTTPS) holding the user id, name, roles and the
/// id of the refresh-token family the sign-in started. Every request re-checks that family in the user grain and
/// takes the current roles and permissions from it (<see cref="AccessResolver"/>), so signing out anywhere, a revoked
/// session or a disabled account ends it and a role change applies to the next request.
/// </summary>
public sealed class UiSession(AccountService accounts, AccessResolver access)
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

    /// <summary>The roles the principal should have now, or null when its session has ended.</summary>
    public async Task<IReadOnlyList<string>?> CurrentRolesAsync(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(JwtRegisteredClaimNames.Sub), out var userId)
        && Guid.TryParse(principal.FindFirstValue(SessionClaim), out var sessionId)
            ? await accounts.GetLiveSessionRolesAsync(userId, sessionId)
            : null;

    /// <summary>True when the roles in <paramref name="principal"/> are exactly <paramref name="roles"/>.</summary>
    public static bool HasRoles(ClaimsPrincipal principal, IReadOnlyList<string> roles) =>
        principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().SequenceEqual(roles.Order());

    private async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var identity = context.Principal is { } principal
            ? new ClaimsIdentity(principal.Claims, Scheme, JwtRegisteredClaimNames.UniqueName, ClaimTypes.Role)
            : null;
        if (identity is null || !identity.HasClaim(c => c.Type == SessionClaim) || !await access.ApplyAsync(identity))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }

        var current = new ClaimsPrincipal(identity);
        context.ShouldRenew = !HasRoles(context.Principal!, current.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList());
        context.ReplacePrincipal(current);
    }
}
