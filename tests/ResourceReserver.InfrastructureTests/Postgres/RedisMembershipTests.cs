using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using ResourceReserver.Infrastructure.Clustering;

namespace ResourceReserver.InfrastructureTests.Postgres;

/// <summary>
/// Real hosts on TCP with Redis membership (the in-process test cluster brings its own membership and transport).
/// Lives beside the PostgreSQL tests because both need the real servers that .ci/run starts.
/// </summary>
public sealed class RedisMembershipTests
{
    public const string ConnectionVariable = "RR_TEST_REDIS";

    private static string RedisConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ConnectionVariable} is not set. This test needs a real Redis: run .ci/run, or start one and set {ConnectionVariable}=127.0.0.1:56379.");

    [Fact]
    public async Task Silos_join_through_redis_membership_and_serve_grain_calls()
    {
        var redis = RedisConnectionString;
        var clusterId = "rr-test-" + Guid.NewGuid().ToString("N");
        var hosts = new List<IHost>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var silo = BuildSilo(redis, clusterId);
                hosts.Add(silo);
                await silo.StartAsync();
            }

            var client = BuildClient(redis, clusterId);
            hosts.Add(client);
            await client.StartAsync();
            var grains = client.Services.GetRequiredService<IClusterClient>();

            var active = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            Assert.Equal(2, active.Count);
            Assert.Equal("hello from 7", await grains.GetGrain<IPingGrain>(7).PingAsync("hello"));
        }
        finally
        {
            hosts.Reverse();
            foreach (var host in hosts)
            {
                await host.StopAsync();
                host.Dispose();
            }
        }
    }

    private static IHost BuildSilo(string redis, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo
            .UseRedisMembership(redis)
            .Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (clusterId, clusterId))
            .ConfigureEndpoints(IPAddress.Loopback, FreePort(), FreePort()));
        return builder.Build();
    }

    private static IHost BuildClient(string redis, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client
            .UseRedisMembership(redis)
            .Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (clusterId, clusterId)));
        return builder.Build();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
