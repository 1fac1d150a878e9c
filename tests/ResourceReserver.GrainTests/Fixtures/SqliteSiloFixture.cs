using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;
using ResourceReserver.Events;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Infrastructure.Schema;
using ResourceReserver.Infrastructure.Sqlite;
using ResourceReserver.Outbox;

namespace ResourceReserver.GrainTests.Fixtures;

/// <summary>
/// One in-process silo on a fresh SQLite file (migrated like the embedded mode) with the real read store over
/// the same file; subclasses choose the grain storage, reminders and event sink.
/// </summary>
public abstract class SqliteSiloFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rr-grain-tests", Guid.NewGuid().ToString("N"));
    private SqliteStore _store = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The read store the silo's outbox delivers to, for asserting on projections and history.</summary>
    public SqlReadStore ReadStore { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var dataSource = SqliteDataSource.Create(Path.Combine(_directory, "reserver.db"));
        await new MigrationRunner(dataSource, SqlDialect.Sqlite, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        _store = new SqliteStore(dataSource);
        ReadStore = new SqlReadStore(dataSource);
        var sink = CreateSink(ReadStore);
        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(_store);
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton(sink);
            silo.Services.AddSingleton<OutboxRelay>();
            ConfigureSilo(silo);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await _store.DataSource.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>What the grains publish to; the read store itself unless a subclass wraps it.</summary>
    protected virtual IEventSink CreateSink(SqlReadStore readStore) => readStore;

    /// <summary>Grain storage, reminders and anything else the silo needs.</summary>
    protected abstract void ConfigureSilo(ISiloBuilder silo);
}
