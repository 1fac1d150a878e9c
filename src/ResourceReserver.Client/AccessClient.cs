using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Http;

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
    public Task<ApiResponse<UserPage>> UsersAsync(string? query, string? role, string? status, string? cursor, CancellationToken ct) =>
        api.SendAsync<UserPage>(HttpMethod.Get, ApiTransport.Path("api/v1/users", ("q", query), ("role", role), ("status", status), ("limit", "100"), ("cursor", cursor)), null, ct);

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
