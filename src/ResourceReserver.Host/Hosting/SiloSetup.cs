using System.Net;
using Orleans.Configuration;
using ResourceReserver.Accounts;
using ResourceReserver.Host.Observability;
using ResourceReserver.Infrastructure.Clustering;
using ResourceReserver.Infrastructure.Postgres;
using ResourceReserver.Infrastructure.Sqlite;
using ResourceReserver.Outbox;

namespace ResourceReserver.Host.Hosting;

/// <summary>Co-hosts the Orleans silo, wired for the embedded or the production mode.</summary>
public static class SiloSetup
{
    /// <summary>Adds the silo with clustering, grain storage and reminders chosen by configuration.</summary>
    public static WebApplicationBuilder AddReserverSilo(this WebApplicationBuilder builder)
    {
        var clustering = builder.Configuration.GetSection("Clustering").Get<ClusteringOptions>() ?? new ClusteringOptions();
        var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddSingleton(clustering);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OutboxRelay>();
        builder.Services.AddHostedService<ResourceReserver.Resources.ResourceExpirySweeper>();
        builder.Services.AddOptions<PasswordHashingOptions>().BindConfiguration("Auth:PasswordHashing");
        builder.Services.AddOptions<ResourceReserver.Scheduling.SchedulingDefaults>().BindConfiguration("Scheduling");

        builder.UseOrleans(silo =>
        {
            if (clustering.IsRedis)
            {
                var redis = builder.Configuration.GetConnectionString("Redis")
                    ?? throw new InvalidOperationException("Clustering:Provider=Redis needs ConnectionStrings:Redis.");
                silo.UseRedisMembership(redis);
                silo.ConfigureEndpoints(IPAddress.Parse(clustering.AdvertisedAddress), clustering.SiloPort, clustering.GatewayPort, listenOnAnyHostAddress: true);
            }
            else
            {
                silo.UseLocalhostClustering(clustering.SiloPort, clustering.GatewayPort, null, clustering.ServiceId, clustering.ClusterId);
            }

            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clustering.ClusterId;
                o.ServiceId = clustering.ServiceId;
            });

            // Tests and small clusters shorten failure detection (Clustering:Membership:ProbeTimeout, NumMissedProbesLimit...).
            silo.Services.AddOptions<ClusterMembershipOptions>().BindConfiguration("Clustering:Membership");
            silo.AddReserverDashboard();

            if (storage.IsPostgres)
            {
                silo.UsePostgresPersistence(PostgresConnection.From(builder.Configuration, storage));
            }
            else
            {
                silo.AddSqliteGrainStorageAsDefault();
                silo.UseSqliteReminderService();
            }
        });
        return builder;
    }
}
