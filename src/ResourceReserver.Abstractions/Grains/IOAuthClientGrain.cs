using Orleans.Concurrency;
using ResourceReserver.Contracts;

namespace ResourceReserver.Grains;

/// <summary>
/// One OAuth2 client (key: its client id): registration, secret (stored hashed), authorization codes (PKCE S256,
/// single use) and grants. Every access token of the client names a grant; a revoked or expired grant ends its
/// tokens at once because the host checks it on every request.
/// </summary>
[Alias("rr.IOAuthClientGrain")]
public interface IOAuthClientGrain : IGrainWithStringKey
{
    /// <summary>Registers the client; the answer holds the only copy of the secret.</summary>
    [Alias("Register")]
    Task<Outcome<OAuthClientSecret>> RegisterAsync(OAuthClient client);

    /// <summary>The client, or null when unknown or deleted.</summary>
    [Alias("Get"), ReadOnly]
    Task<OAuthClient?> GetAsync();

    /// <summary>True when <paramref name="secret"/> is the client's current secret.</summary>
    [Alias("VerifySecret"), ReadOnly]
    Task<bool> VerifySecretAsync(string secret);

    /// <summary>Replaces the secret and revokes every grant.</summary>
    [Alias("RotateSecret")]
    Task<Outcome<OAuthClientSecret>> RotateSecretAsync();

    /// <summary>Deletes the client and revokes every grant.</summary>
    [Alias("Delete")]
    Task DeleteAsync();

    /// <summary>A single-use authorization code for a user who consented (valid 5 minutes).</summary>
    [Alias("CreateCode")]
    Task<Outcome<string>> CreateCodeAsync(CodeRequest request);

    /// <summary>Redeems a code with the PKCE verifier and the same redirect URI; a code used twice revokes what it gave.</summary>
    [Alias("RedeemCode")]
    Task<Outcome<OAuthGrant>> RedeemCodeAsync(string code, string redirectUri, string codeVerifier);

    /// <summary>A grant acting as the owner (client_credentials), living as long as one access token.</summary>
    [Alias("GrantClientCredentials")]
    Task<Outcome<OAuthGrant>> GrantClientCredentialsAsync(IReadOnlyList<string> scopes);

    /// <summary>Rotates a delegated grant's refresh token; a reused one revokes the grant.</summary>
    [Alias("Refresh")]
    Task<Outcome<OAuthGrant>> RefreshAsync(string refreshToken);

    /// <summary>The grant's scopes and user while it is live, else null.</summary>
    [Alias("GetGrant"), ReadOnly]
    Task<OAuthGrant?> GetGrantAsync(Guid grantId);

    /// <summary>The grant a refresh token belongs to while both are live, else null.</summary>
    [Alias("FindRefresh"), ReadOnly]
    Task<OAuthGrant?> FindRefreshAsync(string refreshToken);

    /// <summary>Revokes a grant (RFC 7009); unknown grants are ignored.</summary>
    [Alias("RevokeGrant")]
    Task RevokeGrantAsync(Guid grantId);
}
