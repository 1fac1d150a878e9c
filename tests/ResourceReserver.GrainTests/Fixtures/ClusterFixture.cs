using Microsoft.Extensions.DependencyInjection;
using ResourceReserver.Accounts;
using ResourceReserver.Infrastructure.Sqlite;

namespace ResourceReserver.GrainTests.Fixtures;

/// <summary>
/// One in-process silo for the whole test run, wired like the embedded mode: SQLite grain storage and
/// reminders, and the real read store over the same file as the grains' event sink.
/// </summary>
public sealed class ClusterFixture : SqliteSiloFixture
{
    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.Services.AddOptions<PasswordHashingOptions>().Configure(o => o.WorkFactor = 4);
        silo.AddSqliteGrainStorageAsDefault();
        silo.UseSqliteReminderService();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
