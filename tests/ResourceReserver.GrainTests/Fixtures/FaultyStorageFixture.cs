using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;
using ResourceReserver.Events;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Infrastructure.Schema;
using ResourceReserver.Infrastructure.Sqlite;
using ResourceReserver.Outbox;

namespace ResourceReserver.GrainTests.Fixtures;

/// <summary>A silo whose default grain storage is the real SQLite storage behind <see cref="FaultInjectingGrainStorage"/>.</summary>
public sealed class FaultyStorageFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rr-grain-tests", Guid.NewGuid().ToString("N"));
    private SqliteStore _store = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public StorageFaults Faults { get; } = new();

    /// <summary>The read store the outbox delivers to (behind <see cref="Sink"/>).</summary>
    public SqlReadStore ReadStore { get; private set; } = null!;

    /// <summary>Fails chosen deliveries to the read store.</summary>
    public FaultInjectingEventSink Sink { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var dataSource = SqliteDataSource.Create(Path.Combine(_directory, "reserver.db"));
        await new MigrationRunner(dataSource, SqlDialect.Sqlite, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        _store = new SqliteStore(dataSource);
        ReadStore = new SqlReadStore(dataSource);
        Sink = new FaultInjectingEventSink(ReadStore);
        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(_store);
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<IEventSink>(Sink);
            silo.Services.AddSingleton<OutboxRelay>();
            silo.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (services, name) =>
                new FaultInjectingGrainStorage(ActivatorUtilities.CreateInstance<SqliteGrainStorage>(services, name), Faults));
            silo.UseInMemoryReminderService();
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
}

[CollectionDefinition(Name)]
public sealed class FaultyStorageCollection : ICollectionFixture<FaultyStorageFixture>
{
    public const string Name = "faulty-storage";
}
