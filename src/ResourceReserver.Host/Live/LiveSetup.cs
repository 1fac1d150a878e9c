using ResourceReserver.Host.Hosting;
using ResourceReserver.Infrastructure.Dispatch;
using StackExchange.Redis;

namespace ResourceReserver.Host.Live;

/// <summary>SignalR, its Redis backplane in the clustered mode, and the consumers that feed live updates.</summary>
public static class LiveSetup
{
    /// <summary>Adds SignalR, this silo's live bus with its tail of the event log, and the per-connection push of availability changes.</summary>
    public static WebApplicationBuilder AddReserverLive(this WebApplicationBuilder builder)
    {
        var signalR = builder.Services.AddSignalR();
        var clustering = builder.Configuration.GetSection("Clustering").Get<ClusteringOptions>() ?? new ClusteringOptions();
        if (clustering.IsRedis)
        {
            var redis = builder.Configuration.GetConnectionString("Redis")
                ?? throw new InvalidOperationException("Clustering:Provider=Redis needs ConnectionStrings:Redis.");
            // One channel namespace per cluster, so clusters sharing a Redis never see each other's messages.
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal("rr-live:" + clustering.ClusterId));
        }

        builder.Services.AddSingleton<LiveEventBus>();
        builder.Services.AddSingleton<IEventConsumer, LiveEventTail>();
        builder.Services.AddSingleton<HubLiveObserver>();
        builder.Services.AddSingleton<HubSubscribers>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HubSubscribers>());
        return builder;
    }

    /// <summary>Maps the hub at <c>/hubs/live</c>.</summary>
    public static WebApplication MapReserverLive(this WebApplication app)
    {
        app.MapHub<LiveHub>("/hubs/live");
        return app;
    }
}
