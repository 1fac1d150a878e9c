using System.Data.Common;
using System.Text.Json;
using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Infrastructure.Schema;

namespace ResourceReserver.Infrastructure.Dispatch;

/// <summary>
/// A place in the event log. The log is read in (writing transaction, sequence) order: on PostgreSQL a sequence
/// number is drawn at insert and becomes visible at commit, so a lower number can appear after a higher one; the
/// writing transaction's id, read only below the oldest transaction still running, gives an order nothing can
/// appear behind. On SQLite <see cref="Tx"/> is 0 and the sequence alone is commit order.
/// </summary>
public readonly record struct LogPosition(long Tx, long Seq) : IComparable<LogPosition>
{
    /// <inheritdoc />
    public int CompareTo(LogPosition other) => Tx != other.Tx ? Tx.CompareTo(other.Tx) : Seq.CompareTo(other.Seq);

    public static bool operator <(LogPosition a, LogPosition b) => a.CompareTo(b) < 0;

    public static bool operator >(LogPosition a, LogPosition b) => a.CompareTo(b) > 0;

    public static bool operator <=(LogPosition a, LogPosition b) => a.CompareTo(b) <= 0;

    public static bool operator >=(LogPosition a, LogPosition b) => a.CompareTo(b) >= 0;
}

/// <summary>An event as stored in the log, with its position.</summary>
public sealed record LoggedEvent(LogPosition Position, DomainEvent Event);

/// <summary>Reads the event log in order, keeps the durable consumers' cursors, and looks up what consumers need.</summary>
public sealed class EventLog(DbDataSource dataSource)
{
    // One silo at a time runs the durable consumers (of this schema); the lock ends with the pass's transaction.
    private const int LeaderLock = 72210002;
    private readonly SqlDialect _dialect = SqlDialects.Of(dataSource);

    /// <summary>Opens a pass: a connection and its transaction.</summary>
    public async Task<DbTransaction> BeginAsync(CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            return await connection.BeginTransactionAsync(ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>True when this pass may run the durable consumers (always on SQLite: one silo).</summary>
    public async Task<bool> TryLeadAsync(DbTransaction transaction, CancellationToken ct)
    {
        if (_dialect != SqlDialect.Postgres)
        {
            return true;
        }

        await using var command = transaction.Connection!.Command($"SELECT pg_try_advisory_xact_lock({LeaderLock}, hashtext(current_schema()))", transaction);
        return await command.ExecuteScalarAsync(ct) is true;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> events after <paramref name="after"/>, oldest first, and whether newer events
    /// are already committed but held back behind a transaction still running (read again soon).
    /// </summary>
    public async Task<(IReadOnlyList<LoggedEvent> Events, bool HeldBack)> ReadAfterAsync(DbTransaction transaction, LogPosition after, int limit, CancellationToken ct)
    {
        var settled = SqlDialects.SettledTransactions(_dialect);
        await using var command = transaction.Connection!.Command(
            $"""
            SELECT tx, seq, payload FROM events WHERE (tx, seq) > (@tx, @seq) AND {settled} ORDER BY tx, seq LIMIT @limit;
            SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE tx > @tx AND NOT ({settled}) LIMIT 1) AS held;
            """, transaction).With("tx", after.Tx).With("seq", after.Seq).With("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<LoggedEvent>();
        while (await reader.ReadAsync(ct))
        {
            events.Add(new LoggedEvent(
                new LogPosition(reader.GetInt64(0), reader.GetInt64(1)),
                JsonSerializer.Deserialize<DomainEvent>(reader.GetString(2), ReadStoreJson.Options)!));
        }

        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return (events, Convert.ToInt64(reader.GetValue(0)) > 0);
    }

    /// <summary>The position of the newest settled event: where a silo-local consumer starts.</summary>
    public async Task<LogPosition> GetEndAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command(
            $"SELECT tx, seq FROM events WHERE {SqlDialects.SettledTransactions(_dialect)} ORDER BY tx DESC, seq DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new LogPosition(reader.GetInt64(0), reader.GetInt64(1)) : default;
    }

    /// <summary>
    /// Creates the cursors of new durable consumers, at the start of the log (or its end, for one that
    /// <see cref="IEventConsumer.SkipsHistory"/>); existing ones keep their place.
    /// </summary>
    public async Task EnsureCursorsAsync(IEnumerable<IEventConsumer> consumers, CancellationToken ct)
    {
        var end = await GetEndAsync(ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        foreach (var consumer in consumers)
        {
            var start = consumer.SkipsHistory ? end : default;
            await using var command = connection.Command("INSERT INTO dispatch_cursors (consumer, seq, tx) VALUES (@c, @seq, @tx) ON CONFLICT (consumer) DO NOTHING")
                .With("c", consumer.Name).With("seq", start.Seq).With("tx", start.Tx);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The durable consumers' cursors.</summary>
    public async Task<Dictionary<string, LogPosition>> ReadCursorsAsync(DbTransaction transaction, CancellationToken ct)
    {
        await using var command = transaction.Connection!.Command("SELECT consumer, tx, seq FROM dispatch_cursors", transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var cursors = new Dictionary<string, LogPosition>();
        while (await reader.ReadAsync(ct))
        {
            cursors[reader.GetString(0)] = new LogPosition(reader.GetInt64(1), reader.GetInt64(2));
        }

        return cursors;
    }

    /// <summary>Moves durable consumers' cursors, in the pass's transaction.</summary>
    public async Task SaveCursorsAsync(DbTransaction transaction, IReadOnlyDictionary<string, LogPosition> cursors, CancellationToken ct)
    {
        var batch = new SqlBatch(transaction);
        foreach (var (consumer, position) in cursors)
        {
            batch.Add("UPDATE dispatch_cursors SET tx = @tx, seq = @seq WHERE consumer = @c", ("c", consumer), ("tx", position.Tx), ("seq", position.Seq));
        }

        await batch.ExecuteAsync(ct);
    }

    /// <summary>A resource as stored, or null.</summary>
    public Task<ResourceSnapshot?> GetResourceAsync(Guid id, CancellationToken ct) => GetPayloadAsync<ResourceSnapshot>(null, "resources", id, ct);

    /// <summary>An account as last projected, or null.</summary>
    public Task<UserProfile?> GetUserAsync(Guid id, CancellationToken ct) => GetPayloadAsync<UserProfile>(null, "users", id, ct);

    /// <summary>A reservation as stored, or null.</summary>
    public Task<Reservation?> GetReservationAsync(Guid id, CancellationToken ct) => GetPayloadAsync<Reservation>(null, "reservations", id, ct);

    /// <summary>Several resources and accounts as stored, each read once, for a pass's look-ups.</summary>
    internal async Task PrefetchAsync(DbTransaction transaction, EventBatch.PassState pass, IReadOnlyCollection<Guid> resources, IReadOnlyCollection<Guid> users, CancellationToken ct)
    {
        await FillAsync(transaction, "resources", resources, pass.Resources, ct);
        await FillAsync(transaction, "users", users, pass.Users, ct);
    }

    internal Task<ResourceSnapshot?> GetResourceAsync(DbTransaction transaction, Guid id, CancellationToken ct) =>
        GetPayloadAsync<ResourceSnapshot>(transaction, "resources", id, ct);

    internal Task<UserProfile?> GetUserAsync(DbTransaction transaction, Guid id, CancellationToken ct) =>
        GetPayloadAsync<UserProfile>(transaction, "users", id, ct);

    /// <summary>
    /// Up to <paramref name="max"/> active accounts that <paramref name="match"/>, in username order, scanned in the
    /// pass's transaction.
    /// </summary>
    internal async Task<IReadOnlyList<UserProfile>> FindUsersAsync(DbTransaction transaction, Func<UserProfile, bool> match, int max, CancellationToken ct)
    {
        var found = new List<UserProfile>();
        await using var command = transaction.Connection!.Command("SELECT payload FROM users ORDER BY username_key, id", transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (found.Count < max && await reader.ReadAsync(ct))
        {
            if (JsonSerializer.Deserialize<UserProfile>(reader.GetString(0), ReadStoreJson.Options) is { Status: UserStatus.Active } user && match(user))
            {
                found.Add(user);
            }
        }

        return found;
    }

    private static async Task FillAsync<T>(DbTransaction transaction, string table, IReadOnlyCollection<Guid> ids, Dictionary<Guid, T?> cache, CancellationToken ct)
        where T : class
    {
        var missing = ids.Where(id => !cache.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await using var command = transaction.Connection!.Command(
            $"SELECT id, payload FROM {table} WHERE id IN ({string.Join(", ", missing.Select((_, i) => "@p" + i))})", transaction);
        for (var i = 0; i < missing.Count; i++)
        {
            command.With("p" + i, missing[i].ToString());
        }

        missing.ForEach(id => cache[id] = null);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            cache[Guid.Parse(reader.GetString(0))] = JsonSerializer.Deserialize<T>(reader.GetString(1), ReadStoreJson.Options);
        }
    }

    private async Task<T?> GetPayloadAsync<T>(DbTransaction? transaction, string table, Guid id, CancellationToken ct)
        where T : class
    {
        var connection = transaction?.Connection ?? await dataSource.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.Command($"SELECT payload FROM {table} WHERE id = @id", transaction).With("id", id.ToString());
            return await command.ExecuteScalarAsync(ct) is string json ? JsonSerializer.Deserialize<T>(json, ReadStoreJson.Options) : null;
        }
        finally
        {
            if (transaction is null)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
