using Orleans.Concurrency;
using ResourceReserver.Contracts;

namespace ResourceReserver.Grains;

/// <summary>
/// The roles and who holds the ones that matter cluster-wide: the custom roles' members and the active
/// administrators. Every change of roles or account status goes through this one grain, so "never leave no active
/// administrator" is decided in one place, one request at a time (two admins demoting each other: one stays).
/// </summary>
[Alias("rr.IRoleDirectoryGrain")]
public interface IRoleDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The key of the one directory.</summary>
    const string Key = "roles";

    /// <summary>Every role (built-in and custom) with its permissions.</summary>
    [Alias("GetCatalog"), ReadOnly]
    Task<RoleCatalog> GetCatalogAsync();

    /// <summary>Adds a custom role; 409 <c>role_exists</c>.</summary>
    [Alias("CreateRole")]
    Task<Outcome<RoleDefinition>> CreateRoleAsync(string name, string? description, Permission permissions);

    /// <summary>Changes a custom role; 409 <c>builtin_role</c> for a built-in one.</summary>
    [Alias("UpdateRole")]
    Task<Outcome<RoleDefinition>> UpdateRoleAsync(string name, string? description, Permission? permissions);

    /// <summary>Deletes a custom role and takes it from every member.</summary>
    [Alias("DeleteRole")]
    Task<Outcome<bool>> DeleteRoleAsync(string name);

    /// <summary>Gives a user a role (idempotent).</summary>
    [Alias("AssignRole")]
    Task<Outcome<UserProfile>> AssignRoleAsync(Guid userId, string role);

    /// <summary>Takes a role from a user; 409 <c>last_admin</c> when no active administrator would remain.</summary>
    [Alias("RemoveRole")]
    Task<Outcome<UserProfile>> RemoveRoleAsync(Guid userId, string role);

    /// <summary>Enables or disables an account; 409 <c>last_admin</c> for the last active administrator.</summary>
    [Alias("SetStatus")]
    Task<Outcome<UserProfile>> SetStatusAsync(Guid userId, string status);

    /// <summary>Erases an account; 409 <c>last_admin</c> for the last active administrator.</summary>
    [Alias("EraseUser")]
    Task<Outcome<UserProfile>> EraseUserAsync(Guid userId);

    /// <summary>Counts a newly registered account that holds the admin role or a custom role (read from its grain).</summary>
    [Alias("NoteMember")]
    Task NoteMemberAsync(Guid userId);
}
