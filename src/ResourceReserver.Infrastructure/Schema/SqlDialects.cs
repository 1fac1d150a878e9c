using System.Data.Common;
using Npgsql;

namespace ResourceReserver.Infrastructure.Schema;

/// <summary>The few places where the two dialects' SQL differs.</summary>
public static class SqlDialects
{
    /// <summary>
    /// The PostgreSQL channel a commit that appended events notifies (delivered at commit, once per transaction),
    /// as an expression: one channel per schema, since deployments (and test runs) may share a database.
    /// </summary>
    public const string EventsChannel = "'rr_events:' || current_schema()";

    /// <summary>The dialect of a data source.</summary>
    public static SqlDialect Of(DbDataSource dataSource) => dataSource is NpgsqlDataSource ? SqlDialect.Postgres : SqlDialect.Sqlite;

    /// <summary>
    /// The id of the writing transaction, for <c>events.tx</c>. SQLite writes one transaction at a time, so its
    /// sequence numbers alone are commit order and the column stays 0.
    /// </summary>
    public static string CurrentTransaction(SqlDialect dialect) => dialect == SqlDialect.Postgres ? "pg_current_xact_id()::text::bigint" : "0";

    /// <summary>
    /// The condition that keeps a reader below every transaction still running: none of them can add an event
    /// that sorts before what is read. Always true on SQLite.
    /// </summary>
    public static string SettledTransactions(SqlDialect dialect) =>
        dialect == SqlDialect.Postgres ? "tx < pg_snapshot_xmin(pg_current_snapshot())::text::bigint" : "1 = 1";
}
