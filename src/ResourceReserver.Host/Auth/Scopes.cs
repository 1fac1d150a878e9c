using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Auth;

/// <summary>
/// OAuth2 scopes. <c>read</c> reads, <c>write</c> creates and changes (and books), <c>delete</c> deletes, <c>admin</c>
/// reaches the management permissions, <c>user:profile</c> the own profile. A client's permissions are its user's,
/// narrowed to what its scopes reach (<see cref="PermissionsOf"/>), and never beyond its owner's.
/// </summary>
public static class Scopes
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Delete = "delete";
    public const string Admin = "admin";
    public const string Profile = "user:profile";

    /// <summary>The claim holding a client token's scopes, space-separated (RFC 8693 §4.2).</summary>
    public const string Claim = "scope";

    /// <summary>The claim holding a client token's client id.</summary>
    public const string ClientClaim = "client_id";

    /// <summary>The claim holding the grant a client token belongs to.</summary>
    public const string GrantClaim = "gid";

    /// <summary>Every scope, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } = [Read, Write, Delete, Admin, Profile];

    /// <summary>The permissions a set of scopes can reach at most.</summary>
    public static Permission PermissionsOf(IEnumerable<string> scopes)
    {
        var reachable = Permission.None;
        foreach (var scope in scopes)
        {
            reachable |= scope switch
            {
                Write => Permission.ReservationsBook,
                Admin => Permission.All & ~Permission.ReservationsBook,
                _ => Permission.None,
            };
        }

        return reachable;
    }

    /// <summary>Splits a space-separated <c>scope</c> parameter; null when a scope is unknown.</summary>
    public static IReadOnlyList<string>? Parse(string? text)
    {
        var scopes = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        return scopes.All(All.Contains) ? scopes : null;
    }
}
