using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;
using ResourceReserver.Accounts;
using ResourceReserver.Events;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Infrastructure.Schema;
using ResourceReserver.Infrastructure.Sqlite;
using ResourceReserver.Outbox;

namespace ResourceReserver.GrainTests.Fixtures;

/// <summary>
/// One in-process silo for the whole test run, wired like the embedded mode: SQLite grain storage and
/// reminders, and the real read store over the same file as the grains' event sink.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rr-grain-tests", Guid.NewGuid().ToString("N"));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The read store the silo publishes to, for asserting on projections and history.</summary>
    public SqlReadStore ReadStore { get; private set; } = null!;

    private SqliteStore Store { get; set; } = null!;

    public async Task InitializeAsync()
    {
        var dataSource = SqliteDataSource.Create(Path.Combine(_directory, "reserver.db"));
        await new MigrationRunner(dataSource, SqlDialect.Sqlite, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        Store = new SqliteStore(dataSource);
        ReadStore = new SqlReadStore(dataSource);

        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(Store);
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<IEventSink>(ReadStore);
            silo.Services.AddSingleton<OutboxRelay>();
            silo.Services.AddOptions<PasswordHashingOptions>().Configure(o => o.WorkFactor = 4);
            silo.AddSqliteGrainStorageAsDefault();
            silo.UseSqliteReminderService();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Store.DataSource.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
