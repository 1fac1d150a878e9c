using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;

namespace ResourceReserver.Host.Auth;

/// <summary>
/// Turns a validated token or UI cookie into what its holder may do now. Tokens carry only who (sub), which session
/// (sid) and, for OAuth2 clients, which client and scopes; roles and permissions are looked up on every request in
/// the user grain (one in-memory grain call), so a role change, a disabled account or a revoked session applies to
/// the very next request instead of when a 15-minute token runs out. Role definitions change rarely and are read by
/// every request, so they are cached per silo for <see cref="CatalogLifetime"/> (and dropped at once by this silo's
/// own changes).
/// </summary>
public sealed class AccessResolver(IGrainFactory grains, TimeProvider clock)
{
    /// <summary>How long a silo keeps the role catalog before asking the role directory again.</summary>
    public static readonly TimeSpan CatalogLifetime = TimeSpan.FromSeconds(5);

    /// <summary>The claim holding the session (refresh-token family) id.</summary>
    public const string SessionClaim = "sid";

    private volatile CachedCatalog? _catalog;

    /// <summary>The role catalog, at most <see cref="CatalogLifetime"/> old.</summary>
    public async Task<RoleCatalog> CatalogAsync()
    {
        var now = clock.GetUtcNow();
        if (_catalog is { } cached && now - cached.LoadedAt < CatalogLifetime)
        {
            return cached.Catalog;
        }

        var catalog = await grains.GetGrain<IRoleDirectoryGrain>(IRoleDirectoryGrain.Key).GetCatalogAsync();
        _catalog = new CachedCatalog(catalog, now);
        return catalog;
    }

    /// <summary>Forgets the cached catalog (after this silo changed a role).</summary>
    public void Invalidate() => _catalog = null;

    /// <summary>
    /// Adds the current roles and permissions to <paramref name="identity"/>; false when the session, account or
    /// client behind it has ended (the request is then unauthenticated).
    /// </summary>
    public async Task<bool> ApplyAsync(ClaimsIdentity identity)
    {
        if (!Guid.TryParse(identity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value, out var userId))
        {
            return false;
        }

        if (identity.FindFirst(Scopes.ClientClaim)?.Value is { } clientId)
        {
            return await ApplyClientAsync(identity, userId, clientId);
        }

        Guid? session = Guid.TryParse(identity.FindFirst(SessionClaim)?.Value, out var sid) ? sid : null;
        if (await grains.GetGrain<IUserGrain>(userId).GetAccessAsync(session) is not { } access)
        {
            return false;
        }

        Replace(identity, access.Roles, (await CatalogAsync()).PermissionsOf(access.Roles));
        return true;
    }

    /// <summary>
    /// A client token is live while its grant is; it may do what its user may, within its scopes and never beyond
    /// what the client's owner may. It carries no roles, so role-based checks (the dashboard) never pass for it.
    /// </summary>
    private async Task<bool> ApplyClientAsync(ClaimsIdentity identity, Guid userId, string clientId)
    {
        var client = grains.GetGrain<IOAuthClientGrain>(clientId);
        if (!Guid.TryParse(identity.FindFirst(Scopes.GrantClaim)?.Value, out var grantId)
            || await client.GetGrantAsync(grantId) is not { } grant || grant.UserId != userId
            || await client.GetAsync() is not { } registration
            || await grains.GetGrain<IUserGrain>(userId).GetAccessAsync(null) is not { } access)
        {
            return false;
        }

        var owner = registration.OwnerId == userId ? access : await grains.GetGrain<IUserGrain>(registration.OwnerId).GetAccessAsync(null);
        if (owner is null)
        {
            return false;
        }

        var catalog = await CatalogAsync();
        Replace(identity, [], catalog.PermissionsOf(access.Roles) & catalog.PermissionsOf(owner.Roles) & Scopes.PermissionsOf(grant.Scopes));
        if (identity.FindFirst(JwtRegisteredClaimNames.UniqueName) is null)
        {
            // Client tokens carry no name; the audit log names the user the client acts for.
            identity.AddClaim(new Claim(JwtRegisteredClaimNames.UniqueName, access.Username));
        }

        return true;
    }

    private static void Replace(ClaimsIdentity identity, IReadOnlyList<string> roles, Permission permissions)
    {
        foreach (var stale in identity.FindAll(c => c.Type is ClaimTypes.Role or PermissionPolicies.Claim).ToList())
        {
            identity.RemoveClaim(stale);
        }

        identity.AddClaims(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        identity.AddClaims(PermissionNames.Of(permissions).Select(name => new Claim(PermissionPolicies.Claim, name)));
    }

    /// <summary>The permissions a principal was given by <see cref="ApplyAsync"/>.</summary>
    public static Permission PermissionsOf(ClaimsPrincipal principal)
    {
        var granted = Permission.None;
        foreach (var claim in principal.FindAll(PermissionPolicies.Claim))
        {
            if (PermissionNames.TryParse(claim.Value, out var permission))
            {
                granted |= permission;
            }
        }

        return granted;
    }

    private sealed record CachedCatalog(RoleCatalog Catalog, DateTimeOffset LoadedAt);
}
