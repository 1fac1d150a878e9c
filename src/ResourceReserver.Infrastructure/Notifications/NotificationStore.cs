using System.Data.Common;
using System.Globalization;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Infrastructure.Notifications;

/// <summary>One entry of a user's in-app notification feed.</summary>
public sealed record Notification(
    Guid Id, Guid UserId, string Kind, string Title, string Body, Guid? ReservationId, Guid? ResourceId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>The in-app notification feed; entries are unique per <c>dedupe key</c> so redelivered events add nothing.</summary>
public sealed class NotificationStore(DbDataSource dataSource)
{
    /// <summary>Adds a notification unless one with the same key exists; true when this call added it.</summary>
    public async Task<bool> AddAsync(Notification n, string dedupeKey, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await AddAsync(connection, null, n, dedupeKey, ct);
    }

    /// <summary>
    /// Adds notifications inside <paramref name="transaction"/> (a dispatcher pass), in one round trip, except those
    /// whose key was used; answers which were added.
    /// </summary>
    public async Task<IReadOnlyList<Notification>> AddAsync(DbTransaction transaction, IReadOnlyList<(Notification Notification, string DedupeKey)> notifications, CancellationToken ct)
    {
        var batch = new SqlBatch(transaction);
        foreach (var (n, key) in notifications)
        {
            batch.Add(Insert, Parameters(n, key));
        }

        var added = await batch.ExecuteAsync(ct);
        return notifications.Where((_, i) => added[i] == 1).Select(n => n.Notification).ToList();
    }

    /// <summary>
    /// The id of the notification with a dedupe key: the same on every silo, so a notification computed again from
    /// the same event (by another silo's live tail) is recognisably the same one.
    /// </summary>
    public static Guid IdOf(string dedupeKey) => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(dedupeKey)).AsSpan(0, 16));

    private const string Insert = """
        INSERT INTO notifications (id, user_id, dedupe_key, kind, title, body, reservation_id, resource_id, created_ms, read_ms)
        VALUES (@id, @user, @key, @kind, @title, @body, @reservation, @resource, @at, NULL)
        ON CONFLICT (dedupe_key) DO NOTHING
        """;

    private static async Task<bool> AddAsync(DbConnection connection, DbTransaction? transaction, Notification n, string dedupeKey, CancellationToken ct)
    {
        await using var command = connection.Command(Insert, transaction);
        foreach (var (name, value) in Parameters(n, dedupeKey))
        {
            command.With(name, value);
        }

        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    private static (string Name, object? Value)[] Parameters(Notification n, string dedupeKey) =>
    [
        ("id", n.Id.ToString()), ("user", n.UserId.ToString()), ("key", dedupeKey), ("kind", n.Kind), ("title", n.Title), ("body", n.Body),
        ("reservation", n.ReservationId?.ToString()), ("resource", n.ResourceId?.ToString()), ("at", n.CreatedAt.ToUnixMs()),
    ];

    /// <summary>A user's notifications, newest first, keyset-paginated.</summary>
    public async Task<Page<Notification>> ListAsync(Guid userId, bool unreadOnly, int limit, string? cursor, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        var sql = "SELECT id, user_id, kind, title, body, reservation_id, resource_id, created_ms, read_ms FROM notifications WHERE user_id = @user";
        command.With("user", userId.ToString());
        if (unreadOnly)
        {
            sql += " AND read_ms IS NULL";
        }

        if (Cursor.TryDecode(cursor, out var key, out var lastId) && long.TryParse(key, CultureInfo.InvariantCulture, out var lastMs))
        {
            sql += " AND (created_ms < @cms OR (created_ms = @cms AND id < @cid))";
            command.With("cms", lastMs).With("cid", lastId);
        }

        command.CommandText = sql + " ORDER BY created_ms DESC, id DESC LIMIT @limit";
        command.With("limit", limit + 1);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<Notification>();
        string? next = null;
        while (await reader.ReadAsync(ct))
        {
            if (items.Count == limit)
            {
                var last = items[^1];
                next = Cursor.Encode(last.CreatedAt.ToUnixMs().ToString(CultureInfo.InvariantCulture), last.Id.ToString());
                break;
            }

            items.Add(new Notification(
                Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : Guid.Parse(reader.GetString(5)), reader.IsDBNull(6) ? null : Guid.Parse(reader.GetString(6)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                reader.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8))));
        }

        return new Page<Notification>(items, next);
    }

    /// <summary>Marks one of the user's notifications read; false when the user has no such notification.</summary>
    public async Task<bool> MarkReadAsync(Guid userId, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command(
            "UPDATE notifications SET read_ms = COALESCE(read_ms, @now) WHERE id = @id AND user_id = @user")
            .With("now", now.ToUnixMs()).With("id", id.ToString()).With("user", userId.ToString());
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Marks all of the user's notifications read; returns how many were unread.</summary>
    public async Task<int> MarkAllReadAsync(Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command("UPDATE notifications SET read_ms = @now WHERE user_id = @user AND read_ms IS NULL")
            .With("now", now.ToUnixMs()).With("user", userId.ToString());
        return await command.ExecuteNonQueryAsync(ct);
    }
}
