namespace ResourceReserver.Client.Contracts;

/// <summary>A role as the API shows it.</summary>
public sealed record RoleView(string Name, string? Description, IReadOnlyList<string> Permissions, bool BuiltIn);

/// <summary>Body of <c>POST /roles</c>.</summary>
public sealed record CreateRoleRequest(string? Name, string? Description, IReadOnlyList<string>? Permissions);

/// <summary>Body of <c>PATCH /roles/{name}</c>: absent fields stay.</summary>
public sealed record UpdateRoleRequest(string? Description, IReadOnlyList<string>? Permissions);

/// <summary>An account as user administration shows it.</summary>
public sealed record UserSummary(
    Guid Id,
    string Username,
    string? Email,
    IReadOnlyList<string> Roles,
    string Status,
    bool MfaEnabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastLoginAt);

/// <summary>One page of <c>GET /users</c>.</summary>
public sealed record UserPage(IReadOnlyList<UserSummary> Items, string? NextCursor);

/// <summary>Body of <c>POST /users/{id}/roles</c>.</summary>
public sealed record AssignRoleRequest(string? Role);

/// <summary>Body of <c>POST /users/{id}/password</c> (an administrator's reset).</summary>
public sealed record ResetPasswordRequest(string? NewPassword);

/// <summary>Body of <c>POST /users/me/password</c>.</summary>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary><c>GET /users/me/permissions</c>.</summary>
public sealed record MyPermissions(IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions);
