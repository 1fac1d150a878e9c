using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using ResourceReserver.Diagnostics;

namespace ResourceReserver.Host.Observability;

/// <summary>
/// <c>/metrics</c> in the Prometheus text format through OpenTelemetry: ASP.NET Core and Kestrel meters, the
/// Orleans runtime meter and the domain instruments of <see cref="ReserverMetrics"/>.
/// </summary>
public static class MetricsSetup
{
    private static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.Orleans",
        "System.Runtime",
        ReserverMetrics.MeterName,
    ];

    /// <summary>Registers the meter provider and the Prometheus exporter.</summary>
    public static WebApplicationBuilder AddReserverMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("resource-reserver"))
            .WithMetrics(metrics => metrics.AddMeter(Meters).AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// Maps <c>/metrics</c>. It stays anonymous on purpose: Prometheus scrapes it without credentials, and it
    /// carries counts and latencies only, no personal data. Restrict it at the ingress if that matters.
    /// </summary>
    public static WebApplication MapReserverMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").ExcludeFromDescription();
        return app;
    }
}
