using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Auth;

/// <summary>Issues short-lived JWT access tokens.</summary>
public sealed class TokenService(SigningKeyProvider keys, TimeProvider clock)
{
    public const string Issuer = "resource-reserver";
    public const string Audience = "resource-reserver-api";

    /// <summary>How long an access token lives.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The OAuth2 token response for a signed-in user. The token names the user and the session only: roles and
    /// permissions are resolved per request (<see cref="AccessResolver"/>), so they are never stale.
    /// </summary>
    public TokenResponse Issue(TokenGrant grant)
    {
        var now = clock.GetUtcNow();
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, grant.User.Id.ToString()),
            new(JwtRegisteredClaimNames.UniqueName, grant.User.Username),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        if (Application.AccountService.SessionOf(grant.RefreshToken) is { } session)
        {
            claims.Add(new Claim(AccessResolver.SessionClaim, session.ToString()));
        }

        return new TokenResponse(Sign(claims, now), "Bearer", (int)AccessTokenLifetime.TotalSeconds, grant.RefreshToken);
    }

    /// <summary>The token response for an OAuth2 client's grant: the user it acts for, the client, the grant and the scopes.</summary>
    public TokenResponse IssueForClient(OAuthGrant grant)
    {
        var now = clock.GetUtcNow();
        var scope = string.Join(' ', grant.Scopes);
        List<Claim> claims =
        [
            new(JwtRegisteredClaimNames.Sub, grant.UserId.ToString()),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            new(Scopes.ClientClaim, grant.ClientId),
            new(Scopes.GrantClaim, grant.GrantId.ToString("N")),
            new(Scopes.Claim, scope),
        ];
        return new TokenResponse(Sign(claims, now), "Bearer", (int)AccessTokenLifetime.TotalSeconds, grant.RefreshToken) { Scope = scope };
    }

    /// <summary>The claims of a well-signed, unexpired access token of ours, else null.</summary>
    public async Task<ClaimsIdentity?> ReadAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return null;
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = keys.Key,
            ClockSkew = TimeSpan.Zero,
        });
        return result.IsValid ? result.ClaimsIdentity : null;
    }

    private string Sign(IEnumerable<Claim> claims, DateTimeOffset now) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity(claims),
        IssuedAt = now.UtcDateTime,
        NotBefore = now.UtcDateTime,
        Expires = (now + AccessTokenLifetime).UtcDateTime,
        SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
    });
}
