using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ResourceReserver.Infrastructure.Postgres;
using ResourceReserver.Infrastructure.Schema;

namespace ResourceReserver.ApiTests.Analytics;

/// <summary>
/// A migrated database of either dialect for the analytics property tests: a SQLite file in a temp folder, or a schema
/// of its own in the PostgreSQL named by RR_TEST_POSTGRES (as .ci/run sets it). Shared by a test class.
/// </summary>
public abstract class AnalyticsDatabase : IAsyncLifetime
{
    private Func<Task> _drop = () => Task.CompletedTask;

    protected abstract SqlDialect Dialect { get; }

    public DbDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Dialect == SqlDialect.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "rr-analytics-tests", Guid.NewGuid().ToString("N"));
            DataSource = SqliteDataSource.Create(Path.Combine(directory, "reserver.db"));
            await new MigrationRunner(DataSource, SqlDialect.Sqlite, NullLogger<MigrationRunner>.Instance).ApplyAsync();
            _drop = () =>
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
                return Task.CompletedTask;
            };
            return;
        }

        var server = Environment.GetEnvironmentVariable("RR_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "RR_TEST_POSTGRES is not set. These tests need a real PostgreSQL 15+: run .ci/run, or start one and set " +
                "RR_TEST_POSTGRES=\"Host=127.0.0.1;Port=55432;Username=postgres;Database=reserver_test\".");
        var schema = "rr_analytics_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
        await PostgresDatabase.MigrateAsync(connectionString);
        DataSource = NpgsqlDataSource.Create(connectionString);
        _drop = () => ExecuteAsync(server, $"DROP SCHEMA {schema} CASCADE");
    }

    /// <summary>Empties what a case writes, so each case sees only its own world.</summary>
    public async Task ClearAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        foreach (var table in new[] { "reservations", "resources", "resource_heads", "resource_tags", "resource_labels", "resource_groups", "users", "events", "audit_entries" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM {table}";
            await command.ExecuteNonQueryAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _drop();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>The embedded mode's database.</summary>
public sealed class SqliteAnalyticsDatabase : AnalyticsDatabase
{
    protected override SqlDialect Dialect => SqlDialect.Sqlite;
}

/// <summary>The clustered mode's database.</summary>
public sealed class PostgresAnalyticsDatabase : AnalyticsDatabase
{
    protected override SqlDialect Dialect => SqlDialect.Postgres;
}
