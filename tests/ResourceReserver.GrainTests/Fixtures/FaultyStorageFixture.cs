using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using ResourceReserver.Events;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Infrastructure.Sqlite;

namespace ResourceReserver.GrainTests.Fixtures;

/// <summary>
/// A silo whose default grain storage is the real SQLite storage behind <see cref="FaultInjectingGrainStorage"/>,
/// and whose outbox delivers to the read store behind <see cref="FaultInjectingEventSink"/>.
/// </summary>
public sealed class FaultyStorageFixture : SqliteSiloFixture
{
    public StorageFaults Faults { get; } = new();

    /// <summary>Fails chosen deliveries to the read store.</summary>
    public FaultInjectingEventSink Sink { get; private set; } = null!;

    protected override IEventSink CreateSink(SqlReadStore readStore) => Sink = new FaultInjectingEventSink(readStore);

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (services, name) =>
            new FaultInjectingGrainStorage(ActivatorUtilities.CreateInstance<SqliteGrainStorage>(services, name), Faults));
        silo.UseInMemoryReminderService();
    }
}

[CollectionDefinition(Name)]
public sealed class FaultyStorageCollection : ICollectionFixture<FaultyStorageFixture>
{
    public const string Name = "faulty-storage";
}
