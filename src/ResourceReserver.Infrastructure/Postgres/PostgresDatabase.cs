using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ResourceReserver.Infrastructure.Schema;

namespace ResourceReserver.Infrastructure.Postgres;

/// <summary>Opens the production PostgreSQL database and brings its schema up to date.</summary>
public static class PostgresDatabase
{
    // Distinct from the runner's per-migration transaction lock: the same key from a second session would deadlock.
    private const long MigrationSessionLock = 72210000;

    /// <summary>A pooled data source for the given Npgsql connection string; the caller disposes it.</summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>
    /// Applies the embedded <c>Migrations/postgres</c> files that are not yet recorded, including the Orleans
    /// tables and query texts. Safe to call from several silos at once; run it before the silo starts.
    /// </summary>
    public static async Task MigrateAsync(
        string connectionString,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default,
        IEnumerable<IDataMigration>? dataMigrations = null)
    {
        await using var dataSource = Create(connectionString);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<MigrationRunner>();

        // The runner creates schema_migrations before taking its lock, and concurrent CREATE TABLE IF NOT EXISTS
        // fails on PostgreSQL (pg_type unique violation); holding a session lock serialises whole runs instead.
        await using var gate = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(gate, $"SELECT pg_advisory_lock({MigrationSessionLock})", cancellationToken);
        try
        {
            await new MigrationRunner(dataSource, SqlDialect.Postgres, logger, dataMigrations).ApplyAsync(cancellationToken);
        }
        finally
        {
            await ExecuteAsync(gate, $"SELECT pg_advisory_unlock({MigrationSessionLock})", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
