using System.Data.Common;
using Npgsql;
using ResourceReserver.InfrastructureTests.Postgres;
using ResourceReserver.InfrastructureTests.Sqlite;

namespace ResourceReserver.InfrastructureTests.Audit;

/// <summary>A migrated database of either dialect for one test: a SQLite file or a PostgreSQL schema of its own.</summary>
public sealed class AuditDatabase : IAsyncDisposable
{
    private readonly IAsyncDisposable _owner;

    private AuditDatabase(DbDataSource dataSource, IAsyncDisposable owner)
    {
        DataSource = dataSource;
        _owner = owner;
    }

    public DbDataSource DataSource { get; }

    /// <summary>The two storage modes, as theory data.</summary>
    public static TheoryData<string> Dialects => ["sqlite", "postgres"];

    public static async Task<AuditDatabase> CreateAsync(string dialect)
    {
        if (dialect == "sqlite")
        {
            var sqlite = await SqliteTestDatabase.CreateAsync();
            return new AuditDatabase(sqlite.Store.DataSource, sqlite);
        }

        var schema = await PostgresTestSchema.CreateAsync();
        var dataSource = NpgsqlDataSource.Create(schema.ConnectionString);
        return new AuditDatabase(dataSource, new Both(dataSource, schema));
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync() => await _owner.DisposeAsync();

    private sealed class Both(DbDataSource dataSource, PostgresTestSchema schema) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await dataSource.DisposeAsync();
            await schema.DisposeAsync();
        }
    }
}
