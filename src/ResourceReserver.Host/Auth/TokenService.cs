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

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + AccessTokenLifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
        return new TokenResponse(token, "Bearer", (int)AccessTokenLifetime.TotalSeconds, grant.RefreshToken);
    }
}
