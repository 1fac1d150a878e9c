using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Host.Live;
using ResourceReserver.Infrastructure.Messages;
using ResourceReserver.Infrastructure.Notifications;

namespace ResourceReserver.Host.Notifications;

/// <summary>
/// The feed entry an event means for its user, if any: confirmed, cancelled, changed reservations and waitlist
/// offers, approval requests (to the requester and to the approvers) and undecided requests that expired, worded in the user's language. Pure, and the same on every silo (the id comes from the dedupe key), so
/// the durable consumer that stores it and each silo's live tail that shows it agree on what it is.
/// </summary>
public static class NotificationComposer
{
    /// <summary>Feed kind of a waitlist offer.</summary>
    public const string WaitlistOfferKind = "waitlist_offer";

    /// <summary>Feed kind of a request waiting for the recipient's decision.</summary>
    public const string ApprovalToDecideKind = "approval_to_decide";

    /// <summary>The resource an event's notification would name, or null when the event makes none.</summary>
    public static Guid? ResourceOf(DomainEvent e) => e switch
    {
        { Type: EventTypes.WaitlistOffer, WaitlistEntry: { } entry } => entry.ResourceId,
        {
            Type: EventTypes.ReservationCreated or EventTypes.ReservationCancelled or EventTypes.ReservationUpdated
                or EventTypes.ApprovalRequested or EventTypes.ApprovalApproved or EventTypes.ApprovalRejected,
            Reservation: { } r,
        } => r.ResourceId,
        { Type: EventTypes.ReservationExpired, Reservation: { ApprovalExpiresAt: not null } request } => request.ResourceId,
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
        { Type: EventTypes.ReservationExpired, Reservation: { ApprovalExpiresAt: not null } request } => request.UserId,
        _ => null,
    };

    /// <summary>The notification and its dedupe key, or null when the event makes none.</summary>
    public static (Notification Notification, string DedupeKey)? For(DomainEvent e, ResourceSnapshot? resource, MessageWording words)
    {
        var (name, zone) = (resource?.Details.Name ?? words[MessageText.AResource], resource?.Details.TimeZone);
        if (e is { Type: EventTypes.WaitlistOffer, WaitlistEntry: { } entry })
        {
            var slot = entry.OfferedSlot ?? new TimeRange(entry.Start, entry.End);
            var until = entry.OfferExpiresAt is { } expires ? words[MessageText.AcceptBefore, LocalTimes.At(expires, zone)] : "";

            // The offered hold carries the entry's id, so reservationId names both the hold and the entry to accept.
            return Make($"{e.Id}:{entry.UserId}", entry.UserId, WaitlistOfferKind, words[MessageText.SlotFree, name],
                $"{name}, {LocalTimes.Span(slot.Start, slot.End, zone)}{until}", entry.Id, entry.ResourceId, e.OccurredAt);
        }

        var (kind, title) = e.Type switch
        {
            EventTypes.ReservationCreated => ("reservation_confirmed", MessageText.ReservationConfirmed),
            EventTypes.ReservationCancelled => ("reservation_cancelled", MessageText.ReservationCancelled),
            EventTypes.ReservationUpdated => ("reservation_updated", MessageText.ReservationChanged),
            EventTypes.ApprovalRequested => ("approval_requested", MessageText.ApprovalRequested),
            EventTypes.ApprovalApproved => ("approval_approved", MessageText.ApprovalApproved),
            EventTypes.ApprovalRejected => ("approval_rejected", MessageText.ApprovalRejected),
            // Only an undecided approval request expiring tells its requester; a lapsed hold tells nobody.
            EventTypes.ReservationExpired when e.Reservation?.ApprovalExpiresAt is not null => ("approval_expired", MessageText.ApprovalExpired),
            _ => (null, null),
        };
        return kind is null || e.Reservation is not { } reservation
            ? null
            : Make($"{e.Id}:{reservation.UserId}", reservation.UserId, kind, words[title!, name],
                $"{name}, {LocalTimes.Span(reservation.Start, reservation.End, zone)}", reservation.Id, reservation.ResourceId, e.OccurredAt);
    }

    /// <summary>
    /// The notification telling an approver that a request waits for their decision, or null when the event is not
    /// a request. Keyed by event and approver, so the requester's own notification of the same event stays apart.
    /// </summary>
    public static (Notification Notification, string DedupeKey)? ForApprover(
        DomainEvent e, Guid approverId, ResourceSnapshot? resource, string requester, MessageWording words)
    {
        if (e is not { Type: EventTypes.ApprovalRequested, Reservation: { } request })
        {
            return null;
        }

        var (name, zone) = (resource?.Details.Name ?? words[MessageText.AResource], resource?.Details.TimeZone);
        return Make($"{e.Id}:{approverId}", approverId, ApprovalToDecideKind, words[MessageText.ApprovalToDecide, name],
            $"{words[MessageText.ApprovalToDecideOpening, requester]} {name}, {LocalTimes.Span(request.Start, request.End, zone)}",
            request.Id, request.ResourceId, e.OccurredAt);
    }

    /// <summary>How a notification is pushed live.</summary>
    public static LiveNotification Live(Notification n) =>
        new(n.Id, n.UserId, n.Kind, n.Title, n.Body, n.ReservationId, n.ResourceId, n.CreatedAt);

    private static (Notification, string) Make(
        string dedupeKey, Guid userId, string kind, string title, string body, Guid? reservationId, Guid? resourceId, DateTimeOffset at) =>
        (new Notification(NotificationStore.IdOf(dedupeKey), userId, kind, title, body, reservationId, resourceId, at, null), dedupeKey);
}
