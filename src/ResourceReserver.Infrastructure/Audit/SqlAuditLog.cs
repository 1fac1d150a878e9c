using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ResourceReserver.Audit;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Infrastructure.Audit;

/// <summary>
/// The audit log in the read store: direct appends (security events that change nothing else), the filtered lists,
/// a streamed read for exports, counts, and the retention purge. Newest first everywhere.
/// </summary>
public sealed class SqlAuditLog(DbDataSource dataSource, TimeProvider clock) : IAuditLog
{
    private const string Columns = "seq, id, at_ms, actor_id, actor_name, action, entity_type, entity_id, outcome, ip, user_agent, detail";
    private const long DayMs = 86_400_000;

    /// <inheritdoc />
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(AuditRows.Sql);
        foreach (var (name, value) in AuditRows.Parameters(entry))
        {
            command.With(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int purged;
        await using (var delete = connection.Command("DELETE FROM audit_entries WHERE at_ms < @cutoff", transaction).With("cutoff", cutoff.ToUnixMs()))
        {
            purged = await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        if (purged > 0)
        {
            // A purge that removed something is itself on record, in the same transaction; one that found nothing
            // changes nothing, not even the log.
            var batch = new SqlBatch(transaction);
            AuditRows.Insert(batch, new AuditEntry
            {
                At = clock.GetUtcNow(),
                Action = AuditActions.AuditPurged,
                EntityType = "audit_log",
                Detail = $"{purged} entries older than {cutoff:O} removed",
            });
            await batch.ExecuteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return purged;
    }

    /// <summary>One page of entries matching <paramref name="filter"/>, newest first.</summary>
    public async Task<Page<AuditEntry>> ListAsync(AuditFilter filter, int limit, string? cursor, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        var sql = Where(command, filter);
        if (Cursor.TryDecode(cursor, out var key, out _) && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var lastSeq))
        {
            sql.Append(" AND seq < @cursor");
            command.With("cursor", lastSeq);
        }

        command.CommandText = $"SELECT {Columns} FROM audit_entries {sql} ORDER BY seq DESC LIMIT @limit";
        command.With("limit", limit + 1);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<AuditEntry>();
        long last = 0;
        while (await reader.ReadAsync(ct))
        {
            if (items.Count == limit)
            {
                return new Page<AuditEntry>(items, Cursor.Encode(last.ToString(CultureInfo.InvariantCulture), ""));
            }

            last = reader.GetInt64(0);
            items.Add(Read(reader));
        }

        return new Page<AuditEntry>(items, null);
    }

    /// <summary>True when <paramref name="cursor"/> is one this log produced (or absent).</summary>
    public static bool IsCursor(string? cursor) =>
        cursor is null || (Cursor.TryDecode(cursor, out var key, out _) && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out _));

    /// <summary>
    /// Every entry matching <paramref name="filter"/>, newest first, read row by row as the caller consumes them: an
    /// export of millions of rows holds one row in memory, not the result.
    /// </summary>
    public async IAsyncEnumerable<AuditEntry> StreamAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        var sql = Where(command, filter);
        command.CommandText = $"SELECT {Columns} FROM audit_entries {sql} ORDER BY seq DESC";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return Read(reader);
        }
    }

    /// <summary>Counts by action and by UTC day in <c>[from, until)</c>.</summary>
    public async Task<AuditStats> StatsAsync(DateTimeOffset? from, DateTimeOffset? until, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var filter = new AuditFilter(From: from, Until: until);
        var byAction = new List<ActionCount>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT action, COUNT(*) FROM audit_entries {Where(command, filter)} GROUP BY action ORDER BY COUNT(*) DESC, action";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                byAction.Add(new ActionCount(reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)));
            }
        }

        var byDay = new List<DayCount>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT at_ms / {DayMs}, COUNT(*) FROM audit_entries {Where(command, filter)} GROUP BY at_ms / {DayMs} ORDER BY 1";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var day = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture) * DayMs).UtcDateTime);
                byDay.Add(new DayCount(day, Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)));
            }
        }

        return new AuditStats(from, until, byAction.Sum(a => a.Count), byAction, byDay);
    }

    private static StringBuilder Where(DbCommand command, AuditFilter filter)
    {
        var sql = new StringBuilder("WHERE 1 = 1");
        Add(filter.ActorId?.ToString(), "actor_id = @actor", "actor");
        Add(filter.EntityType, "entity_type = @entityType", "entityType");
        Add(filter.EntityId, "entity_id = @entityId", "entityId");
        Add(filter.Outcome, "outcome = @outcome", "outcome");
        Add(filter.From?.ToUnixMs(), "at_ms >= @from", "from");
        Add(filter.Until?.ToUnixMs(), "at_ms < @until", "until");
        if (filter.Action is { Length: > 0 } action)
        {
            if (action.EndsWith('*'))
            {
                var prefix = action[..^1].Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
                Add(prefix + "%", "action LIKE @action ESCAPE '\\'", "action");
            }
            else
            {
                Add(action, "action = @action", "action");
            }
        }

        return sql;

        void Add(object? value, string clause, string name)
        {
            if (value is not null)
            {
                sql.Append(" AND ").Append(clause);
                command.With(name, value);
            }
        }
    }

    private static AuditEntry Read(DbDataReader reader) => new()
    {
        Id = Guid.Parse(reader.GetString(1)),
        At = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
        ActorId = reader.IsDBNull(3) ? null : Guid.Parse(reader.GetString(3)),
        ActorName = Text(reader, 4),
        Action = reader.GetString(5),
        EntityType = Text(reader, 6),
        EntityId = Text(reader, 7),
        Outcome = reader.GetString(8),
        Ip = Text(reader, 9),
        UserAgent = Text(reader, 10),
        Detail = Text(reader, 11),
    };

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
