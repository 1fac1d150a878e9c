using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;
using StackExchange.Redis;

namespace ResourceReserver.Host.Hosting;

/// <summary><c>/live</c> (process up), <c>/ready</c> (silo active, storage and Redis reachable), <c>/health</c> (JSON per component).</summary>
public static class HealthSetup
{
    private const string Ready = "ready";

    /// <summary>Registers the component checks.</summary>
    public static WebApplicationBuilder AddReserverHealth(this WebApplicationBuilder builder)
    {
        var checks = builder.Services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: [Ready])
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready]);
        if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis
            && string.Equals(builder.Configuration["Clustering:Provider"], "Redis", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddSingleton(new RedisHealthCheck(redis));
            checks.AddCheck<RedisHealthCheck>("redis", tags: [Ready]);
        }

        return builder;
    }

    /// <summary>Maps the three health endpoints (outside /api/v1).</summary>
    public static WebApplication MapReserverHealth(this WebApplication app)
    {
        app.MapHealthChecks("/live", new HealthCheckOptions { Predicate = _ => false }).WithTags("Health");
        app.MapHealthChecks("/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).WithTags("Health");
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJsonAsync }).WithTags("Health");
        return app;
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            totalDurationMs = report.TotalDuration.TotalMilliseconds,
            components = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, durationMs = e.Value.Duration.TotalMilliseconds, data = e.Value.Data }),
        }));
    }

    private sealed class SiloHealthCheck(ISiloStatusOracle oracle) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var active = oracle.GetApproximateSiloStatuses(onlyActive: true).Count;
            var data = new Dictionary<string, object> { ["activeSilos"] = active };
            return Task.FromResult(oracle.CurrentStatus == SiloStatus.Active
                ? HealthCheckResult.Healthy($"The silo is active in a cluster of {active}.", data)
                : HealthCheckResult.Unhealthy($"The silo is {oracle.CurrentStatus}.", data: data));
        }
    }

    private sealed class DatabaseHealthCheck(DbDataSource dataSource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var command = dataSource.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy("The database answers.");
            }
            catch (Exception exception)
            {
                return HealthCheckResult.Unhealthy("The database does not answer.", exception);
            }
        }
    }

    private sealed class RedisHealthCheck(string connectionString) : IHealthCheck, IDisposable
    {
        private ConnectionMultiplexer? _connection;

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                _connection ??= await ConnectionMultiplexer.ConnectAsync(connectionString);
                var latency = await _connection.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy($"Redis answers in {latency.TotalMilliseconds:0.0} ms.");
            }
            catch (Exception exception)
            {
                return HealthCheckResult.Unhealthy("Redis does not answer.", exception);
            }
        }

        public void Dispose() => _connection?.Dispose();
    }
}
