using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;
using ResourceReserver.Host.Hosting;
using ResourceReserver.Quotas;

namespace ResourceReserver.Host.RateLimits;

/// <summary>Rate limits (<c>RateLimits:*</c>) and daily booking quotas (<c>Quotas:*</c>).</summary>
public static class RateLimitSetup
{
    /// <summary>Counts in Redis when clustered on Redis, in memory otherwise; adds the web UI's share and the quota tiers.</summary>
    public static WebApplicationBuilder AddReserverRateLimits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RateLimitOptions>().BindConfiguration("RateLimits").ValidateDataAnnotations()
            .Validate(o => o.Window > TimeSpan.Zero, "RateLimits:Window must be positive.").ValidateOnStart();
        services.AddOptions<BookingQuotaOptions>().BindConfiguration("Quotas")
            .Validate(o => o.Values.All(q => q.DailyBookings is null or >= 0), "Quotas:<tier>:DailyBookings must be 0 or more.").ValidateOnStart();

        var clustering = builder.Configuration.GetSection("Clustering").Get<ClusteringOptions>() ?? new ClusteringOptions();
        if (clustering.IsRedis)
        {
            var redis = builder.Configuration.GetConnectionString("Redis")
                ?? throw new InvalidOperationException("Clustering:Provider=Redis needs ConnectionStrings:Redis.");
            services.AddSingleton<IRequestBudget>(sp => new RedisRequestBudget(
                redis, clustering.ClusterId, sp.GetRequiredService<IOptions<RateLimitOptions>>().Value.Window,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RedisRequestBudget>>()));
        }
        else
        {
            services.AddSingleton<IRequestBudget>(sp => new LocalRequestBudget(
                sp.GetRequiredService<IOptions<RateLimitOptions>>().Value.Window, sp.GetRequiredService<TimeProvider>()));
        }

        services.AddSingleton<RateLimitGate>();
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitCaller>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<CircuitCaller>());
        services.AddScoped<UiActionBudget>();
        return builder;
    }

    /// <summary>Counts requests; placed before the request guard so refused and malformed requests count too.</summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        app.UseMiddleware<RateLimitMiddleware>();
        return app;
    }
}
