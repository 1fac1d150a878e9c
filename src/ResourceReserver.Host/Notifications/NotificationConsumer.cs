using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.Notifications;

namespace ResourceReserver.Host.Notifications;

/// <summary>Writes the in-app feed (and live pushes) from reservation events and waitlist offers.</summary>
public sealed class NotificationConsumer(NotificationPublisher publisher, EventLog log) : IEventConsumer
{
    /// <summary>Feed kind of a waitlist offer.</summary>
    public const string WaitlistOfferKind = "waitlist_offer";

    /// <inheritdoc />
    public string Name => "notifications";

    /// <inheritdoc />
    public async Task HandleAsync(DomainEvent domainEvent, CancellationToken ct)
    {
        if (domainEvent is { Type: EventTypes.WaitlistOffer, WaitlistEntry: { } entry })
        {
            await PublishOfferAsync(domainEvent, entry, ct);
            return;
        }

        if (domainEvent.Reservation is not { } reservation)
        {
            return;
        }

        var (kind, verb) = domainEvent.Type switch
        {
            EventTypes.ReservationCreated => ("reservation_confirmed", "confirmed"),
            EventTypes.ReservationCancelled => ("reservation_cancelled", "cancelled"),
            EventTypes.ReservationUpdated => ("reservation_updated", "changed"),
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
        await publisher.PublishAsync(notification, $"{domainEvent.Id}:{reservation.UserId}", ct);
    }

    private async Task PublishOfferAsync(DomainEvent domainEvent, WaitlistEntry entry, CancellationToken ct)
    {
        var name = (await log.GetResourceAsync(entry.ResourceId, ct))?.Details.Name ?? "a resource";
        var slot = entry.OfferedSlot ?? new TimeRange(entry.Start, entry.End);
        var until = entry.OfferExpiresAt is { } expires ? $"; accept before {expires:u}" : "";
        // The offered hold carries the entry's id, so reservationId names both the hold and the entry to accept.
        var notification = new Notification(
            Guid.CreateVersion7(), entry.UserId, WaitlistOfferKind, $"A slot is free: {name}",
            $"{name}, {slot.Start:u} – {slot.End:u}{until}", entry.Id, entry.ResourceId, domainEvent.OccurredAt, null);
        await publisher.PublishAsync(notification, $"{domainEvent.Id}:{entry.UserId}", ct);
    }
}
