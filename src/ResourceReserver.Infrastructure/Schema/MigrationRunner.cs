using System.Data.Common;
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace ResourceReserver.Infrastructure.Schema;

/// <summary>
/// Applies the versioned SQL files embedded under <c>Migrations/{dialect}/</c> and the code migrations given, in
/// version order, each in its own transaction, recording them in <c>schema_migrations</c>. Safe to run from
/// several silos at once.
/// </summary>
public sealed class MigrationRunner(DbDataSource dataSource, SqlDialect dialect, ILogger<MigrationRunner> logger, IEnumerable<IDataMigration>? dataMigrations = null)
{
    private readonly IReadOnlyList<IDataMigration> _data = dataMigrations?.ToList() ?? [];

    /// <summary>Applies every migration that is not yet recorded.</summary>
    public async Task ApplyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var bootstrap = await BeginExclusiveAsync(connection, cancellationToken))
        {
            // Under the lock too: concurrent CREATE TABLE IF NOT EXISTS races on PostgreSQL's catalog (23505).
            await ExecuteAsync(connection, bootstrap,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
                cancellationToken);
            await bootstrap.CommitAsync(cancellationToken);
        }

        var steps = LoadMigrations(dialect).Select(m => (m.Version, Sql: (string?)m.Sql, Data: (IDataMigration?)null))
            .Concat(_data.Select(d => (d.Version, Sql: (string?)null, Data: (IDataMigration?)d)))
            .OrderBy(m => m.Version, StringComparer.Ordinal);
        foreach (var (version, sql, data) in steps)
        {
            await using var transaction = await BeginExclusiveAsync(connection, cancellationToken);
            if (await IsAppliedAsync(connection, transaction, version, cancellationToken))
            {
                await transaction.CommitAsync(cancellationToken);
                continue;
            }

            if (data is not null)
            {
                await data.ApplyAsync(transaction, dialect, cancellationToken);
            }
            else
            {
                await ExecuteAsync(connection, transaction, sql!, cancellationToken);
            }

            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @t)";
                AddParameter(record, "v", version);
                AddParameter(record, "t", DateTimeOffset.UtcNow.ToString("O"));
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied {Dialect} migration {Version}", dialect, version);
        }
    }

    /// <summary>The embedded migrations of a dialect, ordered by file name.</summary>
    public static IReadOnlyList<(string Version, string Sql)> LoadMigrations(SqlDialect dialect)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"migrations/{dialect.ToString().ToLowerInvariant()}/";
        return assembly.GetManifestResourceNames()
            .Select(name => name.Replace('\\', '/'))
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => (Path.GetFileNameWithoutExtension(name), ReadResource(assembly, name)))
            .ToList();
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? assembly.GetManifestResourceStream(name.Replace('/', '\\'))
            ?? throw new InvalidOperationException($"Missing embedded migration {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private async Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (dialect == SqlDialect.Postgres)
        {
            // Silos starting together serialise here; the lock is released with the transaction.
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(72210001)", cancellationToken);
        }

        return transaction;
    }

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction transaction, string version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = @v";
        AddParameter(command, "v", version);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) > 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
