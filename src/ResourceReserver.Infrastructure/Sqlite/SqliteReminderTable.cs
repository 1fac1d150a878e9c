using System.Data.Common;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;

namespace ResourceReserver.Infrastructure.Sqlite;

/// <summary>
/// Orleans reminder table on the embedded SQLite database. Rows are keyed by (service id, grain id, reminder
/// name); the grain's uniform hash is stored as a non-negative 64-bit number so ring ranges are plain comparisons.
/// </summary>
public sealed class SqliteReminderTable(SqliteStore store, IOptions<ClusterOptions> clusterOptions) : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_time, period, version";

    private readonly string _serviceId = clusterOptions.Value.ServiceId;

    /// <summary>Fails the silo start early, with a clear message, if the migrations were not applied.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
            await using var command = SqliteCommands.Create(connection, null, "SELECT 1 FROM orleans_reminders LIMIT 1");
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (DbException exception)
        {
            throw new InvalidOperationException("The SQLite reminder table is not usable; were the SQLite migrations applied?", exception);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    /// <inheritdoc />
    public async Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) =>
        new(await QueryAsync(
            $"SELECT {Columns} FROM orleans_reminders WHERE service_id = @service AND grain_id = @grain",
            [("service", _serviceId), ("grain", grainId.ToString())], cancellationToken));

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <inheritdoc />
    public async Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        // The range (begin, end] is on a ring: when begin >= end it wraps past uint.MaxValue (begin == end is the whole ring).
        var range = begin < end
            ? "grain_hash > @begin AND grain_hash <= @end"
            : "(grain_hash > @begin OR grain_hash <= @end)";
        return new(await QueryAsync(
            $"SELECT {Columns} FROM orleans_reminders WHERE service_id = @service AND {range}",
            [("service", _serviceId), ("begin", (long)begin), ("end", (long)end)], cancellationToken));
    }

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            $"SELECT {Columns} FROM orleans_reminders WHERE service_id = @service AND grain_id = @grain AND reminder_name = @name",
            [("service", _serviceId), ("grain", grainId.ToString()), ("name", reminderName)], cancellationToken);

        return rows.Count == 0 ? null : rows[0];
    }

    /// <inheritdoc />
    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <inheritdoc />
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var version = await SqliteCommands.NextVersionAsync(connection, transaction, cancellationToken);
        await using var command = SqliteCommands.Create(connection, transaction,
            """
            INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period, grain_hash, version)
            VALUES (@service, @grain, @name, @start, @period, @hash, @version)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
                start_time = excluded.start_time, period = excluded.period,
                grain_hash = excluded.grain_hash, version = excluded.version
            """,
            ("service", _serviceId),
            ("grain", entry.GrainId.ToString()),
            ("name", entry.ReminderName),
            ("start", SqliteCommands.ToUnixMilliseconds(entry.StartAt)),
            ("period", entry.Period.Ticks / TimeSpan.TicksPerMillisecond),
            ("hash", (long)entry.GrainId.GetUniformHashCode()),
            ("version", version));
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SqliteCommands.ToETag(version);
    }

    /// <inheritdoc />
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <inheritdoc />
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        if (!SqliteCommands.TryParseETag(eTag, out var version))
        {
            return false;
        }

        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = SqliteCommands.Create(connection, null,
            "DELETE FROM orleans_reminders WHERE service_id = @service AND grain_id = @grain AND reminder_name = @name AND version = @version",
            ("service", _serviceId), ("grain", grainId.ToString()), ("name", reminderName), ("version", version));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <inheritdoc />
    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <inheritdoc />
    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = SqliteCommands.Create(connection, null,
            "DELETE FROM orleans_reminders WHERE service_id = @service", ("service", _serviceId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<List<ReminderEntry>> QueryAsync(string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = SqliteCommands.Create(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = SqliteCommands.FromUnixMilliseconds(reader.GetInt64(2)),
                Period = TimeSpan.FromTicks(reader.GetInt64(3) * TimeSpan.TicksPerMillisecond),
                ETag = SqliteCommands.ToETag(reader.GetInt64(4)),
            });
        }

        return entries;
    }
}
