using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ResourceReserver.Audit;
using ResourceReserver.Grains;
using ResourceReserver.Host.Application;
using ResourceReserver.Infrastructure.Audit;

namespace ResourceReserver.Host.Audit;

/// <summary>The audit log: its store, options, the origin of each request and UI action, and the daily retention purge.</summary>
public static class AuditSetup
{
    /// <summary>Adds the audit log, <c>Audit:*</c> options (validated at start), the UI's origin handler and the retention schedule.</summary>
    public static WebApplicationBuilder AddReserverAudit(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuditOptions>().BindConfiguration("Audit").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SqlAuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<SqlAuditLog>());
        services.AddSingleton<AuditService>();
        services.AddHttpContextAccessor();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitOrigin>());
        services.AddHostedService<RetentionSchedule>();
        return builder;
    }

    /// <summary>Gives every request its origin and records refused API requests; place right after authentication.</summary>
    public static IApplicationBuilder UseAuditOrigin(this IApplicationBuilder app) => app.UseMiddleware<AuditOriginMiddleware>();

    /// <summary>Makes sure the cluster's daily purge is scheduled once the silo runs (registered after the silo, so it starts after it).</summary>
    private sealed class RetentionSchedule(IGrainFactory grains, ILogger<RetentionSchedule> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            try
            {
                await grains.GetGrain<IAuditRetentionGrain>(IAuditRetentionGrain.Key).EnsureScheduledAsync();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Another silo (or the next start) schedules it; the purge is late at worst.
                logger.LogWarning(exception, "Could not schedule the audit retention purge");
            }
        }
    }
}
