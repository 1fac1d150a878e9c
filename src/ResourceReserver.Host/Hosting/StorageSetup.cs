using System.Data.Common;
using Npgsql;
using ResourceReserver.Events;
using ResourceReserver.Infrastructure.Directories;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.Migrations.Legacy;
using ResourceReserver.Infrastructure.Postgres;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Infrastructure.Resources;
using ResourceReserver.Infrastructure.Schema;
using ResourceReserver.Infrastructure.Sqlite;
using ResourceReserver.Storage;

namespace ResourceReserver.Host.Hosting;

/// <summary>Registers the database of the chosen mode, the read store, and the start-up migration.</summary>
public static class StorageSetup
{
    /// <summary>Adds the data source, the resource and name stores, the read store (the other grains' event sink), the wake-ups of the event consumers, and schema migration.</summary>
    public static WebApplicationBuilder AddReserverStorage(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddSingleton(storage);
        if (storage.IsPostgres)
        {
            var connectionString = PostgresConnection.From(builder.Configuration, storage);
            builder.Services.AddSingleton<DbDataSource>(_ => NpgsqlDataSource.Create(connectionString));
        }
        else
        {
            builder.Services.AddSingleton(_ => SqliteDataSource.Create(storage.SqlitePath));
            builder.Services.AddSingleton(sp => new SqliteStore(sp.GetRequiredService<DbDataSource>()));
        }

        var dialect = storage.IsPostgres ? SqlDialect.Postgres : SqlDialect.Sqlite;
        // Stored state is keyed by the service id: only this service's old resource and name-directory rows are moved.
        var serviceId = builder.Configuration["Clustering:ServiceId"] is { Length: > 0 } configured ? configured : new ClusteringOptions().ServiceId;
        builder.Services.AddSingleton(sp => new MigrationRunner(
            sp.GetRequiredService<DbDataSource>(), dialect, sp.GetRequiredService<ILogger<MigrationRunner>>(),
            [
                new ResourceRowsFromGrainState(sp.GetRequiredService<Orleans.Serialization.Serializer>(), serviceId),
                new NameClaimsFromGrainState(sp.GetRequiredService<Orleans.Serialization.Serializer>(), serviceId),
            ]));
        builder.Services.AddSingleton<SqlReadStore>();
        builder.Services.AddSingleton<IEventSink>(sp => sp.GetRequiredService<SqlReadStore>());
        builder.Services.AddSingleton<EventSignal>();
        builder.Services.AddSingleton<IResourceStore>(sp => new SqlResourceStore(
            sp.GetRequiredService<DbDataSource>(), sp.GetRequiredService<EventSignal>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<INameStore>(sp => new SqlNameStore(sp.GetRequiredService<DbDataSource>()));
        if (storage.IsPostgres)
        {
            builder.Services.AddHostedService(sp => new EventNotificationListener(
                (NpgsqlDataSource)sp.GetRequiredService<DbDataSource>(), sp.GetRequiredService<EventSignal>(), sp.GetRequiredService<ILogger<EventNotificationListener>>()));
        }

        // Registered before the silo so the schema (Orleans tables and query texts included) exists when it starts.
        builder.Services.AddHostedService<MigrationService>();
        return builder;
    }

    private sealed class MigrationService(MigrationRunner runner) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => runner.ApplyAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
