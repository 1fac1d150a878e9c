using ResourceReserver.Host.Live;
using ResourceReserver.Infrastructure.Notifications;

namespace ResourceReserver.Host.Notifications;

/// <summary>
/// Adds a reminder's entry to a user's feed and pushes it to their live connections (and this silo's bus). Only
/// the caller whose insert wins pushes, so a user gets each notification once. Notifications made from events go
/// through <see cref="NotificationConsumer"/> instead, inside the dispatcher pass.
/// </summary>
public sealed class NotificationPublisher(NotificationStore store, HubLiveObserver live, LiveEventBus bus, ILogger<NotificationPublisher> logger)
{
    /// <summary>Adds and pushes <paramref name="notification"/> unless <paramref name="dedupeKey"/> was used; true when this call added it.</summary>
    public async Task<bool> PublishAsync(Notification notification, string dedupeKey, CancellationToken ct)
    {
        if (!await store.AddAsync(notification, dedupeKey, ct))
        {
            return false;
        }

        var message = NotificationComposer.Live(notification);
        await bus.PublishNotificationAsync(message);
        try
        {
            await live.NotifyAsync(notification.UserId, message);
        }
        catch (Exception exception)
        {
            // The feed has it; the live push is a courtesy.
            logger.LogWarning(exception, "Live push of notification {Id} failed", notification.Id);
        }

        return true;
    }
}
