using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ResourceReserver.Contracts;
using ResourceReserver.Events;

namespace ResourceReserver.Infrastructure.ReadStore;

public sealed partial class SqlReadStore
{
    /// <summary>A reservation as last projected, or null.</summary>
    public async Task<Reservation?> GetReservationAsync(Guid id, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command("SELECT payload FROM reservations WHERE id = @id").With("id", id.ToString());
        return await command.ExecuteScalarAsync(ct) is string json ? JsonSerializer.Deserialize<Reservation>(json, ReadStoreJson.Options) : null;
    }

    /// <summary>Reservations by start time, keyset-paginated.</summary>
    public async Task<Page<Reservation>> ListReservationsAsync(ReservationFilter filter, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT payload, start_ms, id FROM reservations WHERE 1 = 1");
        AddIf(filter.UserId, " AND user_id = @user", "user", v => v.ToString());
        AddIf(filter.ResourceId, " AND resource_id = @resource", "resource", v => v.ToString());
        AddIf(filter.From, " AND end_ms > @from", "from", v => v.ToUnixMs());
        AddIf(filter.Until, " AND start_ms < @until", "until", v => v.ToUnixMs());
        if (filter.Status is not null)
        {
            sql.Append(" AND status = @status");
            command.With("status", filter.Status);
        }

        if (Cursor.TryDecode(filter.Cursor, out var key, out var lastId) && long.TryParse(key, CultureInfo.InvariantCulture, out var lastStart))
        {
            sql.Append(" AND (start_ms > @cs OR (start_ms = @cs AND id > @cid))");
            command.With("cs", lastStart).With("cid", lastId);
        }

        sql.Append(" ORDER BY start_ms, id LIMIT @limit");
        command.With("limit", filter.Limit + 1);
        command.CommandText = sql.ToString();
        return await ReadPageAsync(command, filter.Limit, json => JsonSerializer.Deserialize<Reservation>(json, ReadStoreJson.Options)!, ct);

        void AddIf<T>(T? value, string clause, string name, Func<T, object> convert)
            where T : struct
        {
            if (value is { } v)
            {
                sql.Append(clause);
                command.With(name, convert(v));
            }
        }
    }

    /// <summary>The events of one entity, oldest first.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(Guid entityId, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command("SELECT payload FROM events WHERE entity_id = @id ORDER BY seq").With("id", entityId.ToString());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entries = new List<HistoryEntry>();
        while (await reader.ReadAsync(ct))
        {
            var e = JsonSerializer.Deserialize<DomainEvent>(reader.GetString(0), ReadStoreJson.Options)!;
            entries.Add(new HistoryEntry(e.Id, e.Type, e.OccurredAt, e.ActorId, e.Detail,
                e.Reservation is { } r ? StatusText(r.Status) : null));
        }

        return entries;
    }

    /// <summary>A stored setting, created from <paramref name="create"/> by whichever silo asks first.</summary>
    public async Task<string> GetOrCreateSettingAsync(string key, Func<string> create, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var insert = connection.Command("INSERT INTO settings (key, value) VALUES (@k, @v) ON CONFLICT (key) DO NOTHING")
                         .With("k", key).With("v", create()))
        {
            await insert.ExecuteNonQueryAsync(ct);
        }

        await using var select = connection.Command("SELECT value FROM settings WHERE key = @k").With("k", key);
        return (string)(await select.ExecuteScalarAsync(ct))!;
    }

    private static async Task<Page<T>> ReadPageAsync<T>(DbCommand command, int limit, Func<string, T> map, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<T>();
        string? next = null;
        string lastKey = "", lastId = "";
        while (await reader.ReadAsync(ct))
        {
            if (items.Count == limit)
            {
                next = Cursor.Encode(lastKey, lastId);
                break;
            }

            items.Add(map(reader.GetString(0)));
            lastKey = Convert.ToString(reader.GetValue(1), CultureInfo.InvariantCulture)!;
            lastId = reader.GetString(2);
        }

        return new Page<T>(items, next);
    }
}
