using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Caching.Hybrid;
using ResourceReserver.Host.Components;
using ResourceReserver.Host.Hosting;
using StackExchange.Redis;

namespace ResourceReserver.Host.Web;

/// <summary>The web UI: Blazor with interactive server rendering, its sign-in, languages, and what a cluster needs of it.</summary>
public static class WebSetup
{
    /// <summary>The languages of the UI.</summary>
    public static readonly string[] Cultures = ["en", "es", "fr"];

    /// <summary>Adds Razor components, session revalidation, localization, shared DataProtection keys and circuit persistence.</summary>
    public static WebApplicationBuilder AddReserverWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebOptions>().BindConfiguration("Web");
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        services.AddScoped<Components.Layout.Toasts>();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(Cultures[0]).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            options.ApplyCurrentCultureToResponseHeaders = true;
        });

        // Blazor's own hub keeps the in-memory lifetime manager even when /hubs/live uses the Redis backplane
        // (aspnetcore#58971): otherwise no page becomes interactive while Redis is unreachable.
        var componentHub = typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        services.AddSingleton(typeof(HubLifetimeManager<>).MakeGenericType(componentHub), typeof(DefaultHubLifetimeManager<>).MakeGenericType(componentHub));

        var clustering = builder.Configuration.GetSection("Clustering").Get<ClusteringOptions>() ?? new ClusteringOptions();
        var dataProtection = services.AddDataProtection().SetApplicationName("resource-reserver");
        if (clustering.IsRedis)
        {
            var redis = ConfigurationOptions.Parse(builder.Configuration.GetConnectionString("Redis")
                ?? throw new InvalidOperationException("Clustering:Provider=Redis needs ConnectionStrings:Redis."));
            redis.AbortOnConnectFail = false;
            var connection = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(redis));
            dataProtection.PersistKeysToStackExchangeRedis(() => connection.Value.GetDatabase(), $"rr-dataprotection:{clustering.ClusterId}");

            // A circuit whose silo went away can be resumed on another from the shared cache (.NET 10 circuit persistence).
            services.AddStackExchangeRedisCache(o =>
            {
                o.ConfigurationOptions = redis;
                o.InstanceName = $"rr-circuits:{clustering.ClusterId}:";
            });
            services.AddHybridCache();
            services.AddOptions<CircuitOptions>().Configure<HybridCache>((o, cache) => o.HybridPersistenceCache = cache);
        }
        else
        {
            var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
            var keys = builder.Configuration["Web:KeysDirectory"]
                ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.SqlitePath)) ?? ".", "keys");
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        return builder;
    }

    /// <summary>Serves the UI at <c>/</c>: localization (outside the API), anti-forgery, static assets and the components.</summary>
    public static WebApplication UseReserverWeb(this WebApplication app)
    {
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseRequestLocalization());
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Maps the static assets, the UI's own endpoints and the components.</summary>
    public static WebApplication MapReserverWeb(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapUiEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>The culture cookie value for <paramref name="culture"/>, or null when it is not a UI language.</summary>
    public static string? CultureCookie(string? culture) =>
        Cultures.Contains(culture) ? CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureInfo.GetCultureInfo(culture!))) : null;
}
