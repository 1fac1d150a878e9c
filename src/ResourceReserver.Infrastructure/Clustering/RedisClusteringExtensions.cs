using Microsoft.Extensions.Hosting;

namespace ResourceReserver.Infrastructure.Clustering;

/// <summary>Cluster membership in Redis for the production mode (several silos, external clients).</summary>
public static class RedisClusteringExtensions
{
    /// <summary>
    /// Stores the silo membership table in Redis, keyed by the cluster's ServiceId and ClusterId.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="redisConnectionString">A StackExchange.Redis configuration string, e.g. <c>redis:6379</c>.</param>
    public static ISiloBuilder UseRedisMembership(this ISiloBuilder builder, string redisConnectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(redisConnectionString);
        return builder.UseRedisClustering(redisConnectionString);
    }

    /// <summary>Finds the cluster's gateways through the same Redis membership table the silos write.</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="redisConnectionString">A StackExchange.Redis configuration string, e.g. <c>redis:6379</c>.</param>
    public static IClientBuilder UseRedisMembership(this IClientBuilder builder, string redisConnectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(redisConnectionString);
        return builder.UseRedisClustering(redisConnectionString);
    }
}
