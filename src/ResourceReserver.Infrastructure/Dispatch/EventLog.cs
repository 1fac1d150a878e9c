using System.Data.Common;
using System.Text.Json;
using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Infrastructure.Dispatch;

/// <summary>An event as stored in the log, with its position.</summary>
public sealed record LoggedEvent(long Seq, DomainEvent Event);

/// <summary>Reads the read store's event log in order and keeps each consumer's cursor.</summary>
public sealed class EventLog(DbDataSource dataSource)
{
    /// <summary>Up to <paramref name="limit"/> events after position <paramref name="seq"/>, oldest first.</summary>
    public async Task<IReadOnlyList<LoggedEvent>> ReadAfterAsync(long seq, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command("SELECT seq, payload FROM events WHERE seq > @seq ORDER BY seq LIMIT @limit")
            .With("seq", seq).With("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<LoggedEvent>();
        while (await reader.ReadAsync(ct))
        {
            events.Add(new LoggedEvent(reader.GetInt64(0), JsonSerializer.Deserialize<DomainEvent>(reader.GetString(1), ReadStoreJson.Options)!));
        }

        return events;
    }

    /// <summary>The position of the newest event, 0 for an empty log: where a silo-local consumer starts.</summary>
    public async Task<long> GetEndAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command("SELECT COALESCE(MAX(seq), 0) FROM events");
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    /// <summary>The last position a consumer has settled, 0 for a new consumer.</summary>
    public async Task<long> GetCursorAsync(string consumer, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command("SELECT seq FROM dispatch_cursors WHERE consumer = @c").With("c", consumer);
        return await command.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToInt64(value) : 0;
    }

    /// <summary>Moves a consumer's cursor forward (never back: another silo may already be further).</summary>
    public async Task SaveCursorAsync(string consumer, long seq, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command(
            """
            INSERT INTO dispatch_cursors (consumer, seq) VALUES (@c, @s)
            ON CONFLICT (consumer) DO UPDATE SET seq = excluded.seq WHERE dispatch_cursors.seq < excluded.seq
            """).With("c", consumer).With("s", seq);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A resource as last projected, or null.</summary>
    public Task<ResourceSnapshot?> GetResourceAsync(Guid id, CancellationToken ct) => GetPayloadAsync<ResourceSnapshot>("resources", id, ct);

    /// <summary>An account as last projected, or null.</summary>
    public Task<UserProfile?> GetUserAsync(Guid id, CancellationToken ct) => GetPayloadAsync<UserProfile>("users", id, ct);

    /// <summary>A reservation as last projected, or null.</summary>
    public Task<Reservation?> GetReservationAsync(Guid id, CancellationToken ct) => GetPayloadAsync<Reservation>("reservations", id, ct);

    private async Task<T?> GetPayloadAsync<T>(string table, Guid id, CancellationToken ct)
        where T : class
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command($"SELECT payload FROM {table} WHERE id = @id").With("id", id.ToString());
        return await command.ExecuteScalarAsync(ct) is string json ? JsonSerializer.Deserialize<T>(json, ReadStoreJson.Options) : null;
    }
}
