using System.Security.Cryptography;
using System.Text;

namespace ResourceReserver.Accounts;

/// <summary>
/// Opaque refresh tokens of the form <c>userId.familyId.secret</c>: the ids route the token to its user grain
/// and family; the 256-bit secret makes it unguessable. Only a SHA-256 hash is ever stored.
/// </summary>
public static class RefreshToken
{
    /// <summary>Makes a new token for a family.</summary>
    public static string Create(Guid userId, Guid familyId) =>
        $"{userId:N}.{familyId:N}.{Base64UrlEncode(RandomNumberGenerator.GetBytes(32))}";

    /// <summary>Splits a presented token; false when it is not of our form.</summary>
    public static bool TryParse(string? token, out Guid userId, out Guid familyId)
    {
        userId = familyId = Guid.Empty;
        var parts = token?.Split('.') ?? [];
        return parts.Length == 3 && parts[2].Length >= 32
            && Guid.TryParseExact(parts[0], "N", out userId) && Guid.TryParseExact(parts[1], "N", out familyId);
    }

    /// <summary>The stored form of a token.</summary>
    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
