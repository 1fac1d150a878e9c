using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ResourceReserver.Infrastructure.Postgres;
using ResourceReserver.Infrastructure.Schema;

namespace ResourceReserver.GrainTests.Fixtures;

/// <summary>
/// A migrated database of either dialect for tests that drive the resource store directly: a SQLite file in a
/// temp folder, or a schema of its own in the PostgreSQL named by RR_TEST_POSTGRES (as .ci/run sets it).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<Task> _drop;

    private TestDatabase(SqlDialect dialect, DbDataSource dataSource, string connectionString, Func<Task> drop)
    {
        Dialect = dialect;
        DataSource = dataSource;
        ConnectionString = connectionString;
        _drop = drop;
    }

    public SqlDialect Dialect { get; }

    public DbDataSource DataSource { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(SqlDialect dialect, bool migrate = true) =>
        dialect == SqlDialect.Sqlite ? await SqliteAsync(migrate) : await PostgresAsync(migrate);

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _drop();
    }

    private static async Task<TestDatabase> SqliteAsync(bool migrate)
    {
        var directory = Path.Combine(Path.GetTempPath(), "rr-store-tests", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(directory, "reserver.db");
        var dataSource = SqliteDataSource.Create(path);
        if (migrate)
        {
            await new MigrationRunner(dataSource, SqlDialect.Sqlite, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        }

        return new TestDatabase(SqlDialect.Sqlite, dataSource, $"Data Source={path}", () =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
            return Task.CompletedTask;
        });
    }

    private static async Task<TestDatabase> PostgresAsync(bool migrate)
    {
        var server = Environment.GetEnvironmentVariable("RR_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "RR_TEST_POSTGRES is not set. These tests need a real PostgreSQL 15+: run .ci/run, or start one and set " +
                "RR_TEST_POSTGRES=\"Host=127.0.0.1;Port=55432;Username=postgres;Database=reserver_test\".");
        var schema = "rr_store_" + Guid.NewGuid().ToString("N")[..20];
        await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
        if (migrate)
        {
            await PostgresDatabase.MigrateAsync(connectionString);
        }

        return new TestDatabase(SqlDialect.Postgres, NpgsqlDataSource.Create(connectionString), connectionString,
            () => ExecuteAsync(server, $"DROP SCHEMA {schema} CASCADE"));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
