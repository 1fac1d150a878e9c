using ResourceReserver.Infrastructure.Resources;
using ResourceReserver.Infrastructure.Sqlite;
using ResourceReserver.Storage;

namespace ResourceReserver.GrainTests.Fixtures;

/// <summary>A silo whose resources are stored by the real SQLite store behind <see cref="FaultInjectingResourceStore"/>.</summary>
public sealed class FaultyStorageFixture : SqliteSiloFixture
{
    public FaultInjectingResourceStore Faults { get; private set; } = null!;

    protected override IResourceStore CreateResourceStore(SqlResourceStore store) => Faults = new FaultInjectingResourceStore(store);

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.AddSqliteGrainStorageAsDefault();
        silo.UseInMemoryReminderService();
    }
}

[CollectionDefinition(Name)]
public sealed class FaultyStorageCollection : ICollectionFixture<FaultyStorageFixture>
{
    public const string Name = "faulty-storage";
}
