using ResourceReserver.Host.ApiDocs;
using Scalar.AspNetCore;

namespace ResourceReserver.Host.Hosting;

/// <summary>HTTP conventions: trailing slashes, body limits, OpenAPI and the interactive API page.</summary>
public static class HttpSetup
{
    /// <summary>Largest request body accepted; far above any legitimate request.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Adds the OpenAPI document and Kestrel limits.</summary>
    public static WebApplicationBuilder AddReserverHttp(this WebApplicationBuilder builder)
    {
        builder.Services.AddReserverOpenApi();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            // The documented default address; ASPNETCORE_URLS or --urls override it.
            builder.WebHost.UseUrls("http://localhost:8080");
        }

        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        return builder;
    }

    /// <summary>Adds the OpenAPI document with what <see cref="ApiDocsSetup"/> says beyond the generator.</summary>
    public static IServiceCollection AddReserverOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddReserverDocument());

    /// <summary>
    /// Makes <c>/api/v1/x/</c> answer like <c>/api/v1/x</c> by trimming the trailing slash before routing.
    /// </summary>
    public static WebApplication UseTrailingSlashTolerance(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value;
            if (path is { Length: > 1 } && path.EndsWith('/') && path.StartsWith("/api/", StringComparison.Ordinal))
            {
                context.Request.Path = path.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/";
            }

            return next(context);
        });
        return app;
    }

    /// <summary>Serves <c>/openapi/v1.json</c> and the interactive page at <c>/docs</c>.</summary>
    public static WebApplication MapReserverDocs(this WebApplication app)
    {
        app.MapOpenApi();
        // Served from this origin only (the page's CSP): no web fonts, telemetry or AI agent from elsewhere.
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("Resource Reserver API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddPreferredSecuritySchemes(SecuritySchemes.OAuth2)
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .HideDeveloperTools());
        return app;
    }
}
