using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Infrastructure.Analytics;

/// <summary>
/// One report's read: a connection in a read-only snapshot (repeatable read on PostgreSQL, a deferred transaction on
/// SQLite; neither blocks a writer), so the rollup, the edges and the longest reservation agree. The longest
/// reservation is read first and goes into the queries as a plain number: no booking starts earlier than that before a
/// window and still reaches into it, and the planner, seeing the number, reads the start index for a short window and
/// scans in parallel for a long one (as a subquery it guessed a few rows and scanned a whole year serially).
/// </summary>
internal sealed class ReportSnapshot : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly long _longestMs;

    private ReportSnapshot(DbConnection connection, DbTransaction transaction, long longestMs) =>
        (_connection, _transaction, _longestMs) = (connection, transaction, longestMs);

    /// <summary>Opens the snapshot and reads the longest reservation in it (ix_reservations_length).</summary>
    public static async Task<ReportSnapshot> OpenAsync(DbDataSource dataSource, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: true)
                : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT COALESCE(MAX(end_ms - start_ms), 0) FROM reservations";
            var longest = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            return new ReportSnapshot(connection, transaction, longest);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A command in the snapshot with the window's parameters: <c>@from</c>, <c>@until</c>, <c>@earliest</c> (the earliest
    /// start that can reach the window) and <c>@lateStart</c> (the earliest start that can reach past its end).
    /// </summary>
    public DbCommand Command(AnalyticsFilter filter)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var (from, until) = (filter.From.ToUnixTimeMilliseconds(), filter.Until.ToUnixTimeMilliseconds());
        return command.With("from", from).With("until", until).With("earliest", from - _longestMs).With("lateStart", until - _longestMs);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
