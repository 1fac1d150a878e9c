using Microsoft.AspNetCore.Authorization;
using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Auth;

/// <summary>One authorization policy per permission: the principal must carry the permission's claim.</summary>
public static class PermissionPolicies
{
    /// <summary>The claim type holding one permission name; added per request from the user's current roles.</summary>
    public const string Claim = "perm";

    private const string Prefix = "perm:";

    /// <summary>The policy name of a permission.</summary>
    public static string Of(Permission permission) => Prefix + PermissionNames.NameOf(permission);

    /// <summary>The permission a policy name stands for, if it is one of ours.</summary>
    public static Permission? PermissionOf(string? policy) =>
        policy is not null && policy.StartsWith(Prefix, StringComparison.Ordinal) && PermissionNames.TryParse(policy[Prefix.Length..], out var p) ? p : null;

    /// <summary>Adds a policy for every permission.</summary>
    public static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder)
    {
        foreach (var name in PermissionNames.All)
        {
            builder.AddPolicy(Prefix + name, policy => policy.RequireAuthenticatedUser().RequireClaim(Claim, name));
        }

        return builder;
    }

    /// <summary>Requires a signed-in principal holding <paramref name="permission"/>.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(Of(permission));
}
