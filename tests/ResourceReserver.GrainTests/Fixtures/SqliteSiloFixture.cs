using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;
using ResourceReserver.Events;
using ResourceReserver.Infrastructure.Directories;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Infrastructure.Resources;
using ResourceReserver.Infrastructure.Schema;
using ResourceReserver.Infrastructure.Sqlite;
using ResourceReserver.Outbox;
using ResourceReserver.Storage;

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

    /// <summary>The read store over the silo's database, for asserting on lists and history.</summary>
    public SqlReadStore ReadStore { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var dataSource = SqliteDataSource.Create(Path.Combine(_directory, "reserver.db"));
        await new MigrationRunner(dataSource, SqlDialect.Sqlite, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        _store = new SqliteStore(dataSource);
        ReadStore = new SqlReadStore(dataSource);
        DataSource = dataSource;
        var resources = CreateResourceStore(new SqlResourceStore(dataSource, new EventSignal(), TimeProvider.System));
        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(_store);
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<IEventSink>(ReadStore);
            silo.Services.AddSingleton(resources);
            silo.Services.AddSingleton<INameStore>(new SqlNameStore(dataSource));
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

    /// <summary>The database file every store of the silo uses.</summary>
    public System.Data.Common.DbDataSource DataSource { get; private set; } = null!;

    /// <summary>Where resources are stored; the real store unless a subclass wraps it.</summary>
    protected virtual IResourceStore CreateResourceStore(SqlResourceStore store) => store;

    /// <summary>Grain storage, reminders and anything else the silo needs.</summary>
    protected abstract void ConfigureSilo(ISiloBuilder silo);
}
