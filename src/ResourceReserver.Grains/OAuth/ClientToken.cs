using System.Security.Cryptography;
using System.Text;

namespace ResourceReserver.OAuth;

/// <summary>
/// Opaque client credentials and tokens. Client ids are <c>rrc_</c> + 32 hex digits; secrets are 256 random bits;
/// codes and refresh tokens are <c>clientId.id.secret</c>, so the id routes them to their client grain and entry.
/// Only SHA-256 hashes are stored: the secrets are random, so a slow hash would add nothing.
/// </summary>
public static class ClientToken
{
    /// <summary>The prefix of every client id.</summary>
    public const string ClientIdPrefix = "rrc_";

    /// <summary>A new client id.</summary>
    public static string NewClientId() => ClientIdPrefix + Guid.NewGuid().ToString("N");

    /// <summary>True for a string shaped like one of our client ids.</summary>
    public static bool IsClientId(string? value) =>
        value is { Length: 36 } && value.StartsWith(ClientIdPrefix, StringComparison.Ordinal) && value[4..].All(char.IsAsciiHexDigitLower);

    /// <summary>A new random secret.</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A new code or refresh token of a client.</summary>
    public static string Create(string clientId, Guid id) => $"{clientId}.{id:N}.{NewSecret()}";

    /// <summary>Splits a code or refresh token; false when it is not of our form.</summary>
    public static bool TryParse(string? token, out string clientId, out Guid id)
    {
        clientId = "";
        id = Guid.Empty;
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 3 || !IsClientId(parts[0]) || parts[2].Length < 32 || !Guid.TryParseExact(parts[1], "N", out id))
        {
            return false;
        }

        clientId = parts[0];
        return true;
    }

    /// <summary>The stored form of a secret, code or token.</summary>
    public static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>True when the PKCE verifier (RFC 7636, 43–128 unreserved characters) hashes to the S256 challenge.</summary>
    public static bool VerifiesChallenge(string? verifier, string challenge) =>
        verifier is { Length: >= 43 and <= 128 }
        && verifier.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~')
        && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))),
            Encoding.ASCII.GetBytes(challenge));

    /// <summary>Constant-time comparison of a presented secret with a stored hash.</summary>
    public static bool Matches(string presented, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
