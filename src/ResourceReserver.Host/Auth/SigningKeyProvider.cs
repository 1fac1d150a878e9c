using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Auth;

/// <summary>
/// The key that signs access tokens. Taken from <c>Auth:SigningKey</c> (base64, ≥ 32 bytes) when set;
/// otherwise generated once and kept in the database, so every silo of a cluster and every restart agree.
/// Never logged.
/// </summary>
public sealed class SigningKeyProvider(IConfiguration configuration, SqlReadStore store)
{
    private readonly Lazy<SymmetricSecurityKey> _key = new(() => Load(configuration, store));

    /// <summary>The signing key.</summary>
    public SymmetricSecurityKey Key => _key.Value;

    private static SymmetricSecurityKey Load(IConfiguration configuration, SqlReadStore store)
    {
        var configured = configuration["Auth:SigningKey"];
        var material = !string.IsNullOrEmpty(configured)
            ? FromBase64(configured)
            : Convert.FromBase64String(store.GetOrCreateSettingAsync("jwt-signing-key",
                () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64))).GetAwaiter().GetResult());
        if (material.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (base64).");
        }

        return new SymmetricSecurityKey(material) { KeyId = "rr-1" };
    }

    private static byte[] FromBase64(string configured)
    {
        try
        {
            return Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Auth:SigningKey is not valid base64; generate one with `openssl rand -base64 48`.");
        }
    }

    /// <summary>Loads the key while the host starts, so a bad <c>Auth:SigningKey</c> stops start-up instead of failing requests.</summary>
    internal sealed class StartupCheck(SigningKeyProvider keys) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = keys.Key;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
