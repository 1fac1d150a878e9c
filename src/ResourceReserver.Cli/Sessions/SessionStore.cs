using NodaTime;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Http;

namespace ResourceReserver.Cli.Sessions;

/// <summary>
/// The stored session of one server. Refresh tokens rotate and a reused one revokes the whole family, so refreshing
/// happens under a file lock and re-reads the file first: two <c>rr</c> processes never spend the same refresh token.
/// </summary>
public sealed class SessionStore(ConfigDirectory config, ServerChoice server, IClock clock)
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(30);

    private DateTimeOffset Now => clock.GetCurrentInstant().ToDateTimeOffset();

    /// <summary>The session for this server, or null.</summary>
    public Credentials? Current =>
        config.Read<Credentials>(config.CredentialsFile) is { } stored && string.Equals(stored.Server, server.Display, StringComparison.OrdinalIgnoreCase) ? stored : null;

    /// <summary>The session stored for any server (to say where one is signed in).</summary>
    public Credentials? Stored => config.Read<Credentials>(config.CredentialsFile);

    /// <summary>Stores the tokens of a sign-in or refresh.</summary>
    public Credentials Save(string username, TokenResponse tokens, DateTimeOffset signedInAt)
    {
        var credentials = new Credentials(
            server.Display, username, tokens.AccessToken, Now.AddSeconds(tokens.ExpiresIn),
            tokens.RefreshToken ?? throw CliException.Refused("invalid_grant", "The server issued no refresh token for this sign-in."), signedInAt);
        config.Write(config.CredentialsFile, credentials);
        return credentials;
    }

    /// <summary>Deletes the credentials file; true when there was one.</summary>
    public bool Delete()
    {
        if (!File.Exists(config.CredentialsFile))
        {
            return false;
        }

        File.Delete(config.CredentialsFile);
        return true;
    }

    /// <summary>
    /// An access token that is valid for at least a little while: the stored one, or a refreshed one when it expires
    /// soon (or always, with <paramref name="force"/>). Throws exit 4 when the session cannot be renewed.
    /// </summary>
    public async Task<Credentials> FreshAsync(Func<string, CancellationToken, Task<TokenResponse>> refresh, bool force, CancellationToken ct)
    {
        var current = Current ?? throw NotSignedIn();
        if (!force && current.AccessTokenExpiresAt - Now > RefreshMargin)
        {
            return current;
        }

        await using var exclusive = await LockAsync(ct);
        var latest = Current ?? throw NotSignedIn();
        if (latest.RefreshToken != current.RefreshToken && latest.AccessTokenExpiresAt - Now > RefreshMargin)
        {
            return latest; // Another rr process renewed it while we waited for the lock.
        }

        try
        {
            var tokens = await refresh(latest.RefreshToken, ct);
            return Save(latest.Username, tokens, latest.SignedInAt);
        }
        catch (ApiProblemException problem) when (problem.Status is 400 or 401)
        {
            throw CliException.NotSignedIn(
                "session_expired",
                $"Your session on {server.Display} has expired or was revoked ({problem.Problem.Code}). Sign in again: rr auth login");
        }
    }

    /// <summary>The "not signed in" failure for this server.</summary>
    public CliException NotSignedIn() => Stored is { } other
        ? CliException.NotSignedIn("not_signed_in", $"Not signed in to {server.Display} (signed in to {other.Server} as {other.Username}). Run: rr auth login")
        : CliException.NotSignedIn("not_signed_in", $"Not signed in to {server.Display}. Run: rr auth login");

    private async Task<FileStream> LockAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(config.Path);
        var path = Path.Combine(config.Path, "credentials.lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 200)
            {
                await Task.Delay(50, ct);
            }
        }
    }
}
