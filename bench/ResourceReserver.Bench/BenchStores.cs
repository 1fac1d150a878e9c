using System.Data.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.Postgres;
using ResourceReserver.Infrastructure.Resources;
using ResourceReserver.Infrastructure.Schema;
using ResourceReserver.Storage;

namespace ResourceReserver.Bench;

/// <summary>The resource store a benchmark runs on: in memory (the grain's own cost), SQLite, or PostgreSQL.</summary>
internal static class BenchStores
{
    /// <summary>A store of the named kind, and what disposes it (deleting the file or database).</summary>
    public static async Task<(IResourceStore Store, Func<Task> Dispose)> CreateAsync(string kind)
    {
        switch (kind)
        {
            case "memory":
                return (new MemoryResourceStore(), () => Task.CompletedTask);
            case "sqlite":
                var path = Path.Combine(Path.GetTempPath(), $"rr-bench-{Guid.NewGuid():N}.db");
                var sqlite = SqliteDataSource.Create(path);
                await new MigrationRunner(sqlite, SqlDialect.Sqlite, NullLogger<MigrationRunner>.Instance).ApplyAsync();
                return Wrap(sqlite, () =>
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    File.Delete(path);
                    return Task.CompletedTask;
                });
            case "postgres":
                var admin = Environment.GetEnvironmentVariable("RR_TEST_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=reserver_test";
                var name = "rr_bench_" + Guid.NewGuid().ToString("N")[..12];
                await ExecuteAsync(admin, $"CREATE DATABASE {name}");
                var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, NoResetOnClose = true, MaxAutoPrepare = 64, MaxPoolSize = 20 }.ConnectionString;
                await PostgresDatabase.MigrateAsync(connectionString);
                return Wrap(NpgsqlDataSource.Create(connectionString), async () =>
                {
                    NpgsqlConnection.ClearAllPools();
                    await ExecuteAsync(admin, $"DROP DATABASE {name} WITH (FORCE)");
                });
            default:
                throw new ArgumentException($"Unknown store {kind}: memory, sqlite or postgres.");
        }
    }

    private static (IResourceStore, Func<Task>) Wrap(DbDataSource dataSource, Func<Task> drop)
    {
        var store = new SqlResourceStore(dataSource, new EventSignal(), TimeProvider.System);
        return (store, async () =>
        {
            await store.DisposeAsync();
            await dataSource.DisposeAsync();
            await drop();
        });
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Stores nothing: every resource starts empty and every commit holds, so only the grain's own work is measured.</summary>
internal sealed class MemoryResourceStore : IResourceStore
{
    public Task<ResourceRecord> LoadAsync(Guid resourceId, CancellationToken cancellationToken = default) => Task.FromResult(ResourceRecord.Empty);

    public Task<bool> CommitAsync(ResourceCommit commit, CancellationToken cancellationToken = default) => Task.FromResult(true);

    public Task<IReadOnlyList<Guid>> EndedAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Guid>>([]);
}

/// <summary>
/// A store behind an added delay per commit, standing in for a database round trip; counts commits, so batching
/// shows as bookings per commit.
/// </summary>
internal sealed class LatencyResourceStore(IResourceStore inner, TimeSpan latency) : IResourceStore
{
    private int _commits;

    public int Commits => Volatile.Read(ref _commits);

    public Task<ResourceRecord> LoadAsync(Guid resourceId, CancellationToken cancellationToken = default) => inner.LoadAsync(resourceId, cancellationToken);

    public async Task<bool> CommitAsync(ResourceCommit commit, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commits);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, cancellationToken);
        }

        return await inner.CommitAsync(commit, cancellationToken);
    }

    public Task<IReadOnlyList<Guid>> EndedAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        inner.EndedAsync(now, limit, cancellationToken);
}
