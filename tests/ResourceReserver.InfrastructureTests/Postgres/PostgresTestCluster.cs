using Orleans.TestingHost;
using ResourceReserver.Infrastructure.Postgres;

namespace ResourceReserver.InfrastructureTests.Postgres;

/// <summary>Builds one-silo in-process clusters whose grain state and reminders live in a test schema.</summary>
public static class PostgresTestCluster
{
    public static async Task<InProcessTestCluster> StartAsync(
        PostgresTestSchema schema, string? serviceId = null, string? connectionString = null)
    {
        var builder = new InProcessTestClusterBuilder(1);
        if (serviceId is not null)
        {
            builder.Options.ServiceId = serviceId;
        }

        builder.ConfigureSilo((_, silo) => silo.UsePostgresPersistence(connectionString ?? schema.ConnectionString));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
