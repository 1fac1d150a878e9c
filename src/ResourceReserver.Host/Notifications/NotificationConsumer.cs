using ResourceReserver.Events;
using ResourceReserver.Host.Live;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.Notifications;

namespace ResourceReserver.Host.Notifications;

/// <summary>
/// Writes the in-app feed from reservation events and pushes each new entry to its user's live connections.
/// Only the silo whose insert wins pushes, so a user gets each notification once even though every silo runs this.
/// </summary>
public sealed class NotificationConsumer(NotificationStore store, EventLog log, HubLiveObserver live, ILogger<NotificationConsumer> logger) : IEventConsumer
{
    /// <inheritdoc />
    public string Name => "notifications";

    /// <inheritdoc />
    public async Task HandleAsync(DomainEvent domainEvent, CancellationToken ct)
    {
        if (domainEvent.Reservation is not { } reservation)
        {
            return;
        }

        var (kind, verb) = domainEvent.Type switch
        {
            EventTypes.ReservationCreated => ("reservation_confirmed", "confirmed"),
            EventTypes.ReservationCancelled => ("reservation_cancelled", "cancelled"),
            EventTypes.ReservationUpdated => ("reservation_updated", "changed"),
            "waitlist.offer" => ("waitlist_offer", "offered to you from the waitlist"),
            _ => (null, null),
        };
        if (kind is null)
        {
            return;
        }

        var name = (await log.GetResourceAsync(reservation.ResourceId, ct))?.Details.Name ?? "a resource";
        var notification = new Notification(
            Guid.CreateVersion7(), reservation.UserId, kind, $"Reservation {verb}: {name}",
            $"{name}, {reservation.Start:u} – {reservation.End:u}", reservation.Id, reservation.ResourceId, domainEvent.OccurredAt, null);
        if (!await store.AddAsync(notification, $"{domainEvent.Id}:{reservation.UserId}", ct))
        {
            return;
        }

        try
        {
            await live.NotifyAsync(reservation.UserId, new LiveNotification(
                notification.Id, kind, notification.Title, notification.Body, reservation.Id, reservation.ResourceId, notification.CreatedAt));
        }
        catch (Exception exception)
        {
            // The feed has it; the live push is a courtesy.
            logger.LogWarning(exception, "Live push of notification {Id} failed", notification.Id);
        }
    }
}
