using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Host.Live;
using ResourceReserver.Infrastructure.Messages;
using ResourceReserver.Infrastructure.Notifications;

namespace ResourceReserver.Host.Notifications;

/// <summary>
/// The feed entry an event means for its user, if any: confirmed, cancelled, changed reservations and waitlist
/// offers, worded in the user's language. Pure, and the same on every silo (the id comes from the dedupe key), so
/// the durable consumer that stores it and each silo's live tail that shows it agree on what it is.
/// </summary>
public static class NotificationComposer
{
    /// <summary>Feed kind of a waitlist offer.</summary>
    public const string WaitlistOfferKind = "waitlist_offer";

    /// <summary>The resource an event's notification would name, or null when the event makes none.</summary>
    public static Guid? ResourceOf(DomainEvent e) => e switch
    {
        { Type: EventTypes.WaitlistOffer, WaitlistEntry: { } entry } => entry.ResourceId,
        {
            Type: EventTypes.ReservationCreated or EventTypes.ReservationCancelled or EventTypes.ReservationUpdated
                or EventTypes.ApprovalRequested or EventTypes.ApprovalApproved or EventTypes.ApprovalRejected,
            Reservation: { } r,
        } => r.ResourceId,
        _ => null,
    };

    /// <summary>The user an event's notification would go to, or null when the event makes none.</summary>
    public static Guid? RecipientOf(DomainEvent e) => e switch
    {
        { Type: EventTypes.WaitlistOffer, WaitlistEntry: { } entry } => entry.UserId,
        {
            Type: EventTypes.ReservationCreated or EventTypes.ReservationCancelled or EventTypes.ReservationUpdated
                or EventTypes.ApprovalRequested or EventTypes.ApprovalApproved or EventTypes.ApprovalRejected,
            Reservation: { } r,
        } => r.UserId,
        _ => null,
    };

    /// <summary>The notification and its dedupe key, or null when the event makes none.</summary>
    public static (Notification Notification, string DedupeKey)? For(DomainEvent e, string? resourceName, MessageWording words)
    {
        var name = resourceName ?? words[MessageText.AResource];
        if (e is { Type: EventTypes.WaitlistOffer, WaitlistEntry: { } entry })
        {
            var slot = entry.OfferedSlot ?? new TimeRange(entry.Start, entry.End);
            var until = entry.OfferExpiresAt is { } expires ? words[MessageText.AcceptBefore, $"{expires:u}"] : "";

            // The offered hold carries the entry's id, so reservationId names both the hold and the entry to accept.
            return Make($"{e.Id}:{entry.UserId}", entry.UserId, WaitlistOfferKind, words[MessageText.SlotFree, name],
                $"{name}, {slot.Start:u} – {slot.End:u}{until}", entry.Id, entry.ResourceId, e.OccurredAt);
        }

        var (kind, title) = e.Type switch
        {
            EventTypes.ReservationCreated => ("reservation_confirmed", MessageText.ReservationConfirmed),
            EventTypes.ReservationCancelled => ("reservation_cancelled", MessageText.ReservationCancelled),
            EventTypes.ReservationUpdated => ("reservation_updated", MessageText.ReservationChanged),
            EventTypes.ApprovalRequested => ("approval_requested", MessageText.ApprovalRequested),
            EventTypes.ApprovalApproved => ("approval_approved", MessageText.ApprovalApproved),
            EventTypes.ApprovalRejected => ("approval_rejected", MessageText.ApprovalRejected),
            _ => (null, null),
        };
        return kind is null || e.Reservation is not { } reservation
            ? null
            : Make($"{e.Id}:{reservation.UserId}", reservation.UserId, kind, words[title!, name],
                $"{name}, {reservation.Start:u} – {reservation.End:u}", reservation.Id, reservation.ResourceId, e.OccurredAt);
    }

    /// <summary>How a notification is pushed live.</summary>
    public static LiveNotification Live(Notification n) =>
        new(n.Id, n.UserId, n.Kind, n.Title, n.Body, n.ReservationId, n.ResourceId, n.CreatedAt);

    private static (Notification, string) Make(
        string dedupeKey, Guid userId, string kind, string title, string body, Guid? reservationId, Guid? resourceId, DateTimeOffset at) =>
        (new Notification(NotificationStore.IdOf(dedupeKey), userId, kind, title, body, reservationId, resourceId, at, null), dedupeKey);
}
