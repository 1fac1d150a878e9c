using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime.Hosting;

namespace ResourceReserver.Infrastructure.Sqlite;

/// <summary>Registers the SQLite grain storage and reminder table of the embedded mode.</summary>
/// <remarks>The host must also register a <see cref="SqliteStore"/> singleton and apply the migrations before the silo starts.</remarks>
public static class SqliteSiloBuilderExtensions
{
    /// <summary>Adds a <see cref="SqliteGrainStorage"/> named <paramref name="name"/> (a keyed <see cref="Orleans.Storage.IGrainStorage"/>).</summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name)
    {
        builder.Services.AddGrainStorage(name, (services, key) => ActivatorUtilities.CreateInstance<SqliteGrainStorage>(services, key));
        return builder;
    }

    /// <summary>Adds a <see cref="SqliteGrainStorage"/> as the default grain storage ("Default").</summary>
    public static ISiloBuilder AddSqliteGrainStorageAsDefault(this ISiloBuilder builder) =>
        builder.AddSqliteGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

    /// <summary>
    /// Uses <see cref="SqliteReminderTable"/> as the reminder table. Like Orleans' own
    /// <c>UseInMemoryReminderService</c> and <c>UseAdoNetReminderService</c>, this also calls
    /// <c>AddReminders()</c> (idempotent), so the host need not add the reminder service separately.
    /// </summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder)
    {
        builder.AddReminders();
        builder.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
        return builder;
    }
}
