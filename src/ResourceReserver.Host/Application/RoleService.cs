using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Auth;

namespace ResourceReserver.Host.Application;

/// <summary>Roles: the built-in ones and custom roles made of permissions (users.manage). Used by the REST API and the web UI.</summary>
public sealed class RoleService(IGrainFactory grains, AccessResolver access)
{
    private IRoleDirectoryGrain Directory => grains.GetGrain<IRoleDirectoryGrain>(IRoleDirectoryGrain.Key);

    /// <summary>Every role with its permissions.</summary>
    public async Task<Outcome<IReadOnlyList<RoleView>>> ListAsync(Actor actor)
    {
        if (Caller.Require(actor, Permission.UsersManage) is { } forbidden)
        {
            return forbidden;
        }

        var catalog = await Directory.GetCatalogAsync();
        return catalog.Roles.Select(View).ToList();
    }

    /// <summary>Adds a custom role; only with permissions the actor holds.</summary>
    public async Task<Outcome<RoleView>> CreateAsync(Actor actor, CreateRoleRequest request)
    {
        if (Caller.Require(actor, Permission.UsersManage) is { } forbidden)
        {
            return forbidden;
        }

        if (ParsePermissions(request.Permissions, required: true) is not { } permissions)
        {
            return UnknownPermission(request.Permissions);
        }

        if (request.Description?.Length > 200)
        {
            return Refusal.Invalid("description", "At most 200 characters.");
        }

        if (Caller.RequireAll(actor, permissions) is { } beyond)
        {
            return beyond;
        }

        var created = await Directory.CreateRoleAsync(request.Name ?? "", request.Description, permissions);
        access.Invalidate();
        return created.IsSuccess ? View(created.Value!) : created.Error!;
    }

    /// <summary>Changes a custom role's description or permissions.</summary>
    public async Task<Outcome<RoleView>> UpdateAsync(Actor actor, string name, UpdateRoleRequest request)
    {
        if (await EditableAsync(actor, name) is { } refused)
        {
            return refused;
        }

        var permissions = request.Permissions is null ? (Permission?)null : ParsePermissions(request.Permissions, required: true);
        if (request.Permissions is not null && permissions is null)
        {
            return UnknownPermission(request.Permissions);
        }

        if (request.Description?.Length > 200)
        {
            return Refusal.Invalid("description", "At most 200 characters.");
        }

        if (permissions is { } granted && Caller.RequireAll(actor, granted) is { } beyond)
        {
            return beyond;
        }

        var updated = await Directory.UpdateRoleAsync(name, request.Description, permissions);
        access.Invalidate();
        return updated.IsSuccess ? View(updated.Value!) : updated.Error!;
    }

    /// <summary>Deletes a custom role; its members lose it.</summary>
    public async Task<Outcome<bool>> DeleteAsync(Actor actor, string name)
    {
        if (await EditableAsync(actor, name) is { } refused)
        {
            return refused;
        }

        var deleted = await Directory.DeleteRoleAsync(name);
        access.Invalidate();
        return deleted;
    }

    /// <summary>The API view of a role.</summary>
    public static RoleView View(RoleDefinition role) => new(role.Name, role.Description, PermissionNames.Of(role.Permissions), role.BuiltIn);

    /// <summary>Parses permission names; null when one is unknown (or none given while required).</summary>
    internal static Permission? ParsePermissions(IReadOnlyList<string>? names, bool required)
    {
        if (names is null)
        {
            return required ? null : Permission.None;
        }

        var granted = Permission.None;
        foreach (var name in names)
        {
            if (!PermissionNames.TryParse(name, out var permission))
            {
                return null;
            }

            granted |= permission;
        }

        return granted;
    }

    private async Task<DomainError?> EditableAsync(Actor actor, string name)
    {
        if (Caller.Require(actor, Permission.UsersManage) is { } forbidden)
        {
            return forbidden;
        }

        if (RoleDefinition.IsBuiltIn(name))
        {
            return DomainError.Conflict(ProblemCode.BuiltinRole, $"'{name}' is a built-in role; built-in roles cannot be changed or deleted.");
        }

        var role = (await Directory.GetCatalogAsync()).Roles.FirstOrDefault(r => r.Name == name);
        return role is null
            ? DomainError.NotFound(ProblemCode.RoleNotFound, $"There is no role named '{name}'.")
            : Caller.RequireAll(actor, role.Permissions);
    }

    private static DomainError UnknownPermission(IReadOnlyList<string>? names)
    {
        var unknown = names?.Where(n => !PermissionNames.TryParse(n, out _)).ToList() ?? [];
        var message = unknown.Count > 0
            ? $"Unknown permissions: {string.Join(", ", unknown)}. Known: {string.Join(", ", PermissionNames.All)}."
            : $"permissions is required: a list of {string.Join(", ", PermissionNames.All)}.";
        return new DomainError(ErrorKind.Validation, ProblemCode.UnknownPermission, message)
        {
            Errors = new Dictionary<string, string[]> { ["permissions"] = [message] },
        };
    }
}
