using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Http;
using ResourceReserver.Client.Models;

namespace ResourceReserver.Client;

/// <summary><c>/roles</c>, <c>/users</c> (administration), <c>/users/me/permissions</c> and <c>/users/me/mfa</c>.</summary>
public sealed class AccessClient(ApiTransport api)
{
    /// <summary><c>GET /roles</c>.</summary>
    public Task<ApiResponse<IReadOnlyList<RoleView>>> RolesAsync(CancellationToken ct) =>
        api.SendAsync<IReadOnlyList<RoleView>>(HttpMethod.Get, "api/v1/roles", null, ct);

    /// <summary><c>GET /users/me/permissions</c>.</summary>
    public Task<ApiResponse<MyPermissions>> MyPermissionsAsync(CancellationToken ct) =>
        api.SendAsync<MyPermissions>(HttpMethod.Get, "api/v1/users/me/permissions", null, ct);

    /// <summary><c>GET /users</c> with filters.</summary>
    public Task<ApiResponse<Page<UserSummary>>> UsersAsync(string? query, string? role, string? status, string? cursor, CancellationToken ct) =>
        api.SendAsync<Page<UserSummary>>(HttpMethod.Get, ApiTransport.Path("api/v1/users", ("q", query), ("role", role), ("status", status), ("limit", "100"), ("cursor", cursor)), null, ct);

    /// <summary><c>GET /users/{id}</c>.</summary>
    public Task<ApiResponse<UserSummary>> UserAsync(Guid id, CancellationToken ct) => api.SendAsync<UserSummary>(HttpMethod.Get, $"api/v1/users/{id}", null, ct);

    /// <summary><c>POST /users/by-name/{username}/roles</c>.</summary>
    public Task<ApiResponse<UserSummary>> AssignRoleAsync(string username, string role, CancellationToken ct) =>
        api.SendAsync<UserSummary>(HttpMethod.Post, $"api/v1/users/by-name/{Uri.EscapeDataString(username)}/roles", new AssignRoleRequest(role), ct);

    /// <summary><c>DELETE /users/{id}/roles/{role}</c>.</summary>
    public Task<ApiResponse<UserSummary>> RemoveRoleAsync(Guid id, string role, CancellationToken ct) =>
        api.SendAsync<UserSummary>(HttpMethod.Delete, $"api/v1/users/{id}/roles/{Uri.EscapeDataString(role)}", null, ct);

    /// <summary><c>POST /users/{id}/disable</c> or <c>/enable</c>.</summary>
    public Task<ApiResponse<UserSummary>> SetEnabledAsync(Guid id, bool enabled, CancellationToken ct) =>
        api.SendAsync<UserSummary>(HttpMethod.Post, $"api/v1/users/{id}/{(enabled ? "enable" : "disable")}", null, ct);

    /// <summary><c>POST /users/{id}/password</c>: an administrator's reset; every session of the user ends.</summary>
    public Task<(int Status, string Body)> ResetPasswordAsync(Guid id, string newPassword, CancellationToken ct) =>
        api.SendRawAsync(HttpMethod.Post, $"api/v1/users/{id}/password", new ResetPasswordRequest(newPassword), ct);

    /// <summary><c>DELETE /users/{id}/mfa</c>: MFA off for a locked-out user.</summary>
    public Task<ApiResponse<UserSummary>> ResetMfaAsync(Guid id, CancellationToken ct) =>
        api.SendAsync<UserSummary>(HttpMethod.Delete, $"api/v1/users/{id}/mfa", null, ct);

    /// <summary><c>DELETE /users/{id}</c>.</summary>
    public Task<(int Status, string Body)> DeleteUserAsync(Guid id, CancellationToken ct) =>
        api.SendRawAsync(HttpMethod.Delete, $"api/v1/users/{id}", null, ct);

    /// <summary><c>POST /roles</c>.</summary>
    public Task<ApiResponse<RoleView>> CreateRoleAsync(CreateRoleRequest request, CancellationToken ct) =>
        api.SendAsync<RoleView>(HttpMethod.Post, "api/v1/roles", request, ct);

    /// <summary><c>PATCH /roles/{name}</c>.</summary>
    public Task<ApiResponse<RoleView>> UpdateRoleAsync(string name, UpdateRoleRequest request, CancellationToken ct) =>
        api.SendAsync<RoleView>(HttpMethod.Patch, $"api/v1/roles/{Uri.EscapeDataString(name)}", request, ct);

    /// <summary><c>DELETE /roles/{name}</c>.</summary>
    public Task<(int Status, string Body)> DeleteRoleAsync(string name, CancellationToken ct) =>
        api.SendRawAsync(HttpMethod.Delete, $"api/v1/roles/{Uri.EscapeDataString(name)}", null, ct);

    /// <summary><c>POST /users/me/mfa/setup</c>.</summary>
    public Task<ApiResponse<MfaSetupResponse>> MfaSetupAsync(CancellationToken ct) =>
        api.SendAsync<MfaSetupResponse>(HttpMethod.Post, "api/v1/users/me/mfa/setup", null, ct);

    /// <summary><c>POST /users/me/mfa/enable</c>.</summary>
    public Task<(int Status, string Body)> MfaEnableAsync(string code, CancellationToken ct) =>
        api.SendRawAsync(HttpMethod.Post, "api/v1/users/me/mfa/enable", new MfaCodeRequest(code), ct);

    /// <summary><c>POST /users/me/mfa/disable</c>.</summary>
    public Task<(int Status, string Body)> MfaDisableAsync(string password, string code, CancellationToken ct) =>
        api.SendRawAsync(HttpMethod.Post, "api/v1/users/me/mfa/disable", new MfaDisableRequest(password, code), ct);

    /// <summary><c>POST /users/me/mfa/backup-codes</c>.</summary>
    public Task<ApiResponse<BackupCodesResponse>> MfaBackupCodesAsync(string code, CancellationToken ct) =>
        api.SendAsync<BackupCodesResponse>(HttpMethod.Post, "api/v1/users/me/mfa/backup-codes", new MfaCodeRequest(code), ct);
}
