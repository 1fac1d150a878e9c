using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ResourceReserver.Infrastructure.Schema;

/// <summary>
/// A <see cref="DbDataSource"/> over Microsoft.Data.Sqlite (which ships none) that sets the per-connection
/// pragmas every connection needs: a busy timeout and normal synchronous mode under WAL.
/// </summary>
internal sealed class SqliteBusyAwareDataSource(string connectionString) : DbDataSource
{
    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new PragmaSqliteConnection(connectionString);

    private sealed class PragmaSqliteConnection(string connectionString) : SqliteConnection(connectionString)
    {
        public override void Open()
        {
            base.Open();
            using var command = CreateCommand();
            command.CommandText = "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
            command.ExecuteNonQuery();
        }

        public override async Task OpenAsync(CancellationToken cancellationToken)
        {
            await base.OpenAsync(cancellationToken);
            await using var command = CreateCommand();
            command.CommandText = "PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
