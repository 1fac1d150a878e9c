using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using ResourceReserver.Infrastructure.Schema;
using ResourceReserver.Infrastructure.Sqlite;

namespace ResourceReserver.InfrastructureTests.Sqlite;

/// <summary>A migrated SQLite file in its own temp folder, deleted on dispose.</summary>
public sealed class SqliteTestDatabase : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rr-sqlite-tests", Guid.NewGuid().ToString("N"));

    public string FilePath => Path.Combine(_directory, "reserver.db");

    public SqliteStore Store { get; private set; } = null!;

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var database = new SqliteTestDatabase();
        database.Store = new SqliteStore(SqliteDataSource.Create(database.FilePath));
        await new MigrationRunner(database.Store.DataSource, SqlDialect.Sqlite, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        return database;
    }

    /// <summary>Drops every connection to the file and opens it again, as a restarted host would.</summary>
    public async Task<SqliteStore> ReopenAsync()
    {
        await Store.DataSource.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Store = new SqliteStore(SqliteDataSource.Create(FilePath));
        return Store;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = Store.DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DataSource.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
