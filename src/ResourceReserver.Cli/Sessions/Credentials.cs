namespace ResourceReserver.Cli.Sessions;

/// <summary>A signed-in session as stored in <c>credentials.json</c> (mode 0600). Never printed.</summary>
public sealed record Credentials(
    string Server,
    string Username,
    string AccessToken,
    DateTimeOffset AccessTokenExpiresAt,
    string RefreshToken,
    DateTimeOffset SignedInAt);
