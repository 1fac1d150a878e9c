using System.Data.Common;

namespace ResourceReserver.Infrastructure.Schema;

/// <summary>
/// A versioned migration that moves data with code rather than SQL (e.g. rows stored in a binary format). Runs
/// in version order among the SQL files, once, inside the runner's transaction.
/// </summary>
public interface IDataMigration
{
    /// <summary>The version, sorted with the SQL files' names (e.g. <c>V008__...</c>).</summary>
    string Version { get; }

    /// <summary>Applies the migration inside <paramref name="transaction"/>.</summary>
    Task ApplyAsync(DbTransaction transaction, SqlDialect dialect, CancellationToken ct);
}
