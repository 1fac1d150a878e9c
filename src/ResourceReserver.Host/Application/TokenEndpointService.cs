using ResourceReserver.Audit;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Auth;
using ResourceReserver.OAuth;

namespace ResourceReserver.Host.Application;

/// <summary>
/// <c>POST /auth/token</c> (RFC 6749): the password grant (with MFA) and refresh for people; client_credentials,
/// authorization_code (with PKCE) and refresh for OAuth2 clients.
/// </summary>
public sealed class TokenEndpointService(IGrainFactory grains, AccountService accounts, ClientAuthenticator clients, TokenService tokens, SecurityEvents security)
{
    /// <summary>The token response for a grant request, or the refusal.</summary>
    public async Task<Outcome<TokenResponse>> ExchangeAsync(TokenRequest request, ClientCredentials credentials)
    {
        switch (request.GrantType)
        {
            case "password":
                return Issue(await accounts.PasswordSignInAsync(request.Username, request.Password, request.MfaCode));
            case "refresh_token" when ClientToken.TryParse(request.RefreshToken, out var owner, out _):
                return await WithClientAsync(credentials, "refresh_token", async client => client.ClientId == owner
                    ? await grains.GetGrain<IOAuthClientGrain>(client.ClientId).RefreshAsync(request.RefreshToken!)
                    : InvalidGrant("The refresh token belongs to another client."));
            case "refresh_token":
                return Issue(await accounts.RefreshAsync(request.RefreshToken));
            case "client_credentials":
                return await WithClientAsync(credentials, "client_credentials", async client =>
                    GrantedScopes(client, request.Scope) is { } scopes
                        ? await grains.GetGrain<IOAuthClientGrain>(client.ClientId).GrantClientCredentialsAsync(scopes)
                        : InvalidScope(client));
            case "authorization_code":
                return await WithClientAsync(credentials, "authorization_code", async client =>
                    string.IsNullOrEmpty(request.Code) || string.IsNullOrEmpty(request.RedirectUri) || string.IsNullOrEmpty(request.CodeVerifier)
                        ? new DomainError(ErrorKind.Validation, ProblemCode.InvalidRequest, "code, redirect_uri and code_verifier are required.")
                        : await grains.GetGrain<IOAuthClientGrain>(client.ClientId).RedeemCodeAsync(request.Code, request.RedirectUri, request.CodeVerifier));
            default:
                return new DomainError(ErrorKind.Validation, ProblemCode.UnsupportedGrantType,
                    "grant_type must be password, refresh_token, client_credentials or authorization_code.");
        }
    }

    /// <summary>The scopes granted for a <c>scope</c> parameter: all of the client's when absent; null when beyond them.</summary>
    public static IReadOnlyList<string>? GrantedScopes(OAuthClient client, string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return client.Scopes;
        }

        return Scopes.Parse(requested) is { Count: > 0 } scopes && scopes.All(client.Scopes.Contains) ? scopes : null;
    }

    /// <summary>A client's grant; a refusal is on record under the client (successes are recorded by the client grain).</summary>
    private async Task<Outcome<TokenResponse>> WithClientAsync(ClientCredentials credentials, string grantType, Func<OAuthClient, Task<Outcome<OAuthGrant>>> grant) =>
        await security.RecordAsync(
            await DecideWithClientAsync(credentials, grantType, grant), AuditActions.ClientToken,
            "oauth_client", ClientToken.IsClientId(credentials.ClientId) ? credentials.ClientId : null);

    private async Task<Outcome<TokenResponse>> DecideWithClientAsync(ClientCredentials credentials, string grantType, Func<OAuthClient, Task<Outcome<OAuthGrant>>> grant)
    {
        var client = await clients.AuthenticateAsync(credentials);
        if (!client.IsSuccess)
        {
            return client.Error!;
        }

        // A refresh token is usable by a client registered for the code flow.
        var allowed = client.Value!.GrantTypes.Contains(grantType) || (grantType == "refresh_token" && client.Value.GrantTypes.Contains("authorization_code"));
        if (!allowed)
        {
            return new DomainError(ErrorKind.Validation, ProblemCode.UnauthorizedClient, $"This client is not registered for the {grantType} grant.");
        }

        var granted = await grant(client.Value);
        return granted.IsSuccess ? tokens.IssueForClient(granted.Value!) : granted.Error!;
    }

    private Outcome<TokenResponse> Issue(Outcome<TokenGrant> outcome) => outcome.IsSuccess ? tokens.Issue(outcome.Value!) : outcome.Error!;

    private static DomainError InvalidGrant(string message) => new(ErrorKind.Unauthorized, ProblemCode.InvalidGrant, message);

    private static DomainError InvalidScope(OAuthClient client) =>
        new(ErrorKind.Validation, ProblemCode.InvalidScope, $"scope must be a space-separated subset of this client's scopes: {string.Join(' ', client.Scopes)}.");
}
