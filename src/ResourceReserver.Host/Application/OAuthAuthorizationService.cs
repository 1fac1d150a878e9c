using System.Security.Claims;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Auth;
using ResourceReserver.OAuth;

namespace ResourceReserver.Host.Application;

/// <summary>The parameters of <c>GET /oauth/authorize</c> (RFC 6749 §4.1.1 with RFC 7636 PKCE).</summary>
public sealed record AuthorizeRequest(
    string? ResponseType, string? ClientId, string? RedirectUri, string? Scope, string? State, string? CodeChallenge, string? CodeChallengeMethod);

/// <summary>What the consent page asks the user about: the client and the scopes, or where to send the browser back with an error.</summary>
public sealed record ConsentPrompt(string ClientId, string ClientName, IReadOnlyList<string> Scopes, string? ErrorRedirect);

/// <summary>
/// The authorization-code flow's consent step, token revocation (RFC 7009) and introspection (RFC 7662). A client
/// revokes and introspects only its own tokens; anything else is simply "inactive".
/// </summary>
public sealed class OAuthAuthorizationService(IGrainFactory grains, ClientAuthenticator clients, TokenService tokens, AccessResolver access)
{
    /// <summary>
    /// Checks an authorization request before the user is asked: the client and the scopes to consent to, or (for
    /// problems the client should hear about) where to send the browser back with an <c>error</c>. Problems with the
    /// client or redirect URI themselves are refusals, never redirects (§4.1.2.1).
    /// </summary>
    public async Task<Outcome<ConsentPrompt>> ReviewAsync(AuthorizeRequest request)
    {
        if (!ClientToken.IsClientId(request.ClientId) || await grains.GetGrain<IOAuthClientGrain>(request.ClientId!).GetAsync() is not { } client)
        {
            return new DomainError(ErrorKind.Validation, "invalid_client", "Unknown client_id.");
        }

        if (request.RedirectUri is null || !client.RedirectUris.Contains(request.RedirectUri))
        {
            return new DomainError(ErrorKind.Validation, "invalid_redirect_uri", "redirect_uri is not one this client registered.");
        }

        ConsentPrompt Back(string error, string description) => new(client.ClientId, client.Name, [], Redirect(request, new()
        {
            ["error"] = error,
            ["error_description"] = description,
        }));

        if (request.ResponseType != "code")
        {
            return Back("unsupported_response_type", "response_type must be code.");
        }

        if (!client.GrantTypes.Contains("authorization_code"))
        {
            return Back("unauthorized_client", "This client is not registered for the authorization_code grant.");
        }

        if (request.CodeChallengeMethod != "S256" || request.CodeChallenge is not { Length: 43 })
        {
            return Back("invalid_request", "PKCE is required: code_challenge (43 characters) with code_challenge_method=S256.");
        }

        return TokenEndpointService.GrantedScopes(client, request.Scope) is { } scopes
            ? new ConsentPrompt(client.ClientId, client.Name, scopes, null)
            : Back("invalid_scope", $"scope must be a subset of: {string.Join(' ', client.Scopes)}.");
    }

    /// <summary>The signed-in user consents: the answer is where to send the browser, <c>redirect_uri</c> with a code or an error.</summary>
    public async Task<Outcome<string>> AuthorizeAsync(Actor actor, AuthorizeRequest request)
    {
        var review = await ReviewAsync(request);
        if (!review.IsSuccess || review.Value!.ErrorRedirect is not null)
        {
            return review.IsSuccess ? review.Value!.ErrorRedirect! : review.Error!;
        }

        var code = await grains.GetGrain<IOAuthClientGrain>(review.Value.ClientId)
            .CreateCodeAsync(new CodeRequest(actor.UserId, review.Value.Scopes, request.RedirectUri!, request.CodeChallenge!));
        return code.IsSuccess ? Redirect(request, new() { ["code"] = code.Value }) : code.Error!;
    }

    /// <summary>The signed-in user declines: <c>redirect_uri</c> with <c>error=access_denied</c> (§4.1.2.1).</summary>
    public async Task<Outcome<string>> DenyAsync(AuthorizeRequest request)
    {
        var review = await ReviewAsync(request);
        return !review.IsSuccess ? review.Error!
            : review.Value!.ErrorRedirect ?? Redirect(request, new() { ["error"] = "access_denied", ["error_description"] = "The user declined." });
    }

    private static string Redirect(AuthorizeRequest request, Dictionary<string, string?> parameters)
    {
        parameters["state"] = request.State;
        return QueryHelpers.AddQueryString(request.RedirectUri!, parameters);
    }

    /// <summary>Revokes one of the client's access or refresh tokens; unknown tokens are no error (RFC 7009 §2.2).</summary>
    public async Task<Outcome<bool>> RevokeAsync(ClientCredentials credentials, string? token)
    {
        var client = await clients.AuthenticateAsync(credentials);
        if (!client.IsSuccess)
        {
            return client.Error!;
        }

        if (await GrantOfAsync(client.Value!, token) is { } grantId)
        {
            await grains.GetGrain<IOAuthClientGrain>(client.Value!.ClientId).RevokeGrantAsync(grantId);
        }

        return true;
    }

    /// <summary>Whether one of the client's tokens is active now, and what it stands for (RFC 7662).</summary>
    public async Task<Outcome<IntrospectionResponse>> IntrospectAsync(ClientCredentials credentials, string? token)
    {
        var client = await clients.AuthenticateAsync(credentials);
        if (!client.IsSuccess)
        {
            return client.Error!;
        }

        var clientId = client.Value!.ClientId;
        if (await tokens.ReadAsync(token) is { } identity)
        {
            var live = identity.FindFirst(Scopes.ClientClaim)?.Value == clientId && await access.ApplyAsync(identity);
            return live ? new IntrospectionResponse(true, Claim(identity, Scopes.Claim), Claim(identity, JwtRegisteredClaimNames.Sub), clientId,
                long.Parse(Claim(identity, JwtRegisteredClaimNames.Exp)!, System.Globalization.CultureInfo.InvariantCulture), "access_token")
                : new IntrospectionResponse(false);
        }

        var refresh = await grains.GetGrain<IOAuthClientGrain>(clientId).FindRefreshAsync(token ?? "");
        return refresh is null ? new IntrospectionResponse(false)
            : new IntrospectionResponse(true, string.Join(' ', refresh.Scopes), refresh.UserId.ToString(), clientId, null, "refresh_token");
    }

    private async Task<Guid?> GrantOfAsync(OAuthClient client, string? token)
    {
        if (await tokens.ReadAsync(token) is { } identity)
        {
            return identity.FindFirst(Scopes.ClientClaim)?.Value == client.ClientId && Guid.TryParse(Claim(identity, Scopes.GrantClaim), out var grantId) ? grantId : null;
        }

        return ClientToken.TryParse(token, out var owner, out var id) && owner == client.ClientId
            && await grains.GetGrain<IOAuthClientGrain>(owner).FindRefreshAsync(token!) is { } grant ? grant.GrantId : null;
    }

    private static string? Claim(ClaimsIdentity identity, string type) => identity.FindFirst(type)?.Value;
}
