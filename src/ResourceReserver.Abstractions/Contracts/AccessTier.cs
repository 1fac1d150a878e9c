namespace ResourceReserver.Contracts;

/// <summary>
/// The tier a caller's rate limit and daily booking quota come from: the highest of its built-in roles
/// (<c>admin</c> &gt; <c>premium</c> &gt; <c>user</c> &gt; <c>guest</c>), <c>anonymous</c> for nobody signed in. An
/// account with custom roles only counts as <c>user</c>.
/// </summary>
public static class AccessTier
{
    public const string Anonymous = "anonymous";

    /// <summary>Every tier, lowest first.</summary>
    public static IReadOnlyList<string> All { get; } = [Anonymous, Roles.Guest, Roles.User, Roles.Premium, Roles.Admin];

    /// <summary>The tier of an account holding <paramref name="roles"/>.</summary>
    public static string Of(IEnumerable<string> roles)
    {
        var held = roles as IReadOnlyCollection<string> ?? roles.ToList();
        return held.Contains(Roles.Admin) ? Roles.Admin
            : held.Contains(Roles.Premium) ? Roles.Premium
            : held.Contains(Roles.User) || !held.Contains(Roles.Guest) ? Roles.User
            : Roles.Guest;
    }
}
