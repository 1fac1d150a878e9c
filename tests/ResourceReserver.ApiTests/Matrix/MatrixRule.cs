using ResourceReserver.Contracts;

namespace ResourceReserver.ApiTests.Matrix;

/// <summary>Who may call an endpoint, as the contract (API.md) says; each rule gives the expected status per principal.</summary>
public abstract record MatrixRule
{
    /// <summary>Anyone, signed in or not.</summary>
    public static MatrixRule Public { get; } = new PublicRule();

    /// <summary>Anyone signed in.</summary>
    public static MatrixRule SignedIn { get; } = new PermissionRule(Permission.None);

    /// <summary>Signed in with the permission.</summary>
    public static MatrixRule Needs(Permission permission) => new PermissionRule(permission);

    /// <summary>The owner of the target (who must also hold <paramref name="ownerNeeds"/>), or whoever holds <paramref name="manage"/>.</summary>
    public static MatrixRule OwnerOr(Permission manage, int otherwise = 403, Permission ownerNeeds = Permission.None) =>
        new OwnerRule(manage, otherwise, ownerNeeds);

    /// <summary>The same answer for everyone: the endpoint authenticates the caller itself (client credentials in the body).</summary>
    public static MatrixRule Fixed { get; } = new PublicRule();

    /// <summary>The status for <paramref name="principal"/>, given the status of an authorized call.</summary>
    public abstract int Expect(Principal principal, int authorized);

    private sealed record PublicRule : MatrixRule
    {
        public override int Expect(Principal principal, int authorized) => authorized;
    }

    private sealed record PermissionRule(Permission Permission) : MatrixRule
    {
        public override int Expect(Principal principal, int authorized) =>
            !principal.SignedIn ? 401 : principal.Permissions.HasFlag(Permission) ? authorized : 403;
    }

    private sealed record OwnerRule(Permission Manage, int Otherwise, Permission OwnerNeeds) : MatrixRule
    {
        public override int Expect(Principal principal, int authorized) =>
            !principal.SignedIn ? 401
            : !principal.Permissions.HasFlag(OwnerNeeds) ? 403
            : principal.Who == Who.Owner || principal.Permissions.HasFlag(Manage) ? authorized
            : Otherwise;
    }
}
