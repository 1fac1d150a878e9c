using System.Data.Common;
using System.Security.Cryptography;
using ResourceReserver.Audit;
using ResourceReserver.Infrastructure.Audit;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Infrastructure.Calendar;

/// <summary>
/// The secret token of each user's calendar feed URL: 256 random bits, base64url. Whoever holds the URL can read
/// the feed (calendar apps cannot sign in), so rotating it is the only way to revoke a leaked one.
/// </summary>
public sealed class CalendarFeedStore(DbDataSource dataSource)
{
    /// <summary>The user's token, created on first use.</summary>
    public async Task<string> GetOrCreateAsync(Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var insert = connection.Command(
                         "INSERT INTO calendar_feeds (user_id, token, created_ms) VALUES (@user, @token, @at) ON CONFLICT (user_id) DO NOTHING")
                         .With("user", userId.ToString()).With("token", NewToken()).With("at", now.ToUnixMs()))
        {
            await insert.ExecuteNonQueryAsync(ct);
        }

        await using var select = connection.Command("SELECT token FROM calendar_feeds WHERE user_id = @user").With("user", userId.ToString());
        return (string)(await select.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Replaces the user's token; the old URL stops working at once.</summary>
    public async Task<string> RotateAsync(Guid userId, DateTimeOffset now, AuditEntry audit, CancellationToken ct)
    {
        var token = NewToken();
        await AuditedWrite.RunAsync(dataSource, audit, async transaction => await AuditedWrite.ExecuteAsync(transaction,
            """
            INSERT INTO calendar_feeds (user_id, token, created_ms) VALUES (@user, @token, @at)
            ON CONFLICT (user_id) DO UPDATE SET token = excluded.token, created_ms = excluded.created_ms
            """, ct, ("user", userId.ToString()), ("token", token), ("at", now.ToUnixMs())) > 0, ct);
        return token;
    }

    /// <summary>The owner of a token, or null for an unknown (or rotated) token.</summary>
    public async Task<Guid?> FindOwnerAsync(string token, CancellationToken ct)
    {
        if (token.Length is < 20 or > 100)
        {
            return null;
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command("SELECT user_id FROM calendar_feeds WHERE token = @token").With("token", token);
        return await command.ExecuteScalarAsync(ct) is string id ? Guid.Parse(id) : null;
    }

    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
