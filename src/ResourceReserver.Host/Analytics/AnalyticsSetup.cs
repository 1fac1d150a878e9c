using ResourceReserver.Infrastructure.Analytics;

namespace ResourceReserver.Host.Analytics;

/// <summary>Registers the analytics reports.</summary>
public static class AnalyticsSetup
{
    /// <summary>Adds the analytics store and service and binds <c>Analytics</c> options.</summary>
    public static WebApplicationBuilder AddReserverAnalytics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnalyticsOptions>().BindConfiguration("Analytics");
        builder.Services.AddSingleton<AnalyticsStore>();
        builder.Services.AddSingleton<AnalyticsService>();
        return builder;
    }
}
