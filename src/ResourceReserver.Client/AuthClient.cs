using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Http;
using ResourceReserver.Client.Models;

namespace ResourceReserver.Client;

/// <summary><c>/auth</c> and <c>/users/me</c>.</summary>
public sealed class AuthClient(ApiTransport api)
{
    /// <summary><c>POST /auth/register</c>.</summary>
    public Task<ApiResponse<RegisteredUser>> RegisterAsync(RegisterRequest request, CancellationToken ct) =>
        api.SendAsync<RegisteredUser>(HttpMethod.Post, "api/v1/auth/register", request, ct);

    /// <summary><c>POST /auth/token</c> with the password grant (form-encoded, RFC 6749).</summary>
    public Task<ApiResponse<TokenResponse>> PasswordAsync(string username, string password, string? mfaCode, CancellationToken ct)
    {
        var fields = new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = username, ["password"] = password };
        if (mfaCode is not null)
        {
            fields["mfa_code"] = mfaCode;
        }

        return api.SendAsync<TokenResponse>(HttpMethod.Post, "api/v1/auth/token", new FormUrlEncodedContent(fields), ct);
    }

    /// <summary><c>POST /auth/token</c> with the refresh-token grant.</summary>
    public Task<ApiResponse<TokenResponse>> RefreshAsync(string refreshToken, CancellationToken ct) =>
        api.SendAsync<TokenResponse>(
            HttpMethod.Post,
            "api/v1/auth/token",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }),
            ct);

    /// <summary><c>POST /auth/logout</c>: revokes the account's refresh tokens.</summary>
    public Task<(int Status, string Body)> LogoutAsync(CancellationToken ct) => api.SendRawAsync(HttpMethod.Post, "api/v1/auth/logout", null, ct);

    /// <summary><c>GET /users/me</c>.</summary>
    public Task<ApiResponse<UserProfile>> MeAsync(CancellationToken ct) => api.SendAsync<UserProfile>(HttpMethod.Get, "api/v1/users/me", null, ct);
}
