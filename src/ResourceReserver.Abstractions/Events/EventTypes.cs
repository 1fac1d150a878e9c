namespace ResourceReserver.Events;

/// <summary>The event names used on the outbox, in webhooks and in the audit log.</summary>
public static class EventTypes
{
    public const string ReservationCreated = "reservation.created";
    public const string ReservationCancelled = "reservation.cancelled";
    public const string ReservationUpdated = "reservation.updated";
    public const string ReservationExpired = "reservation.expired";
    public const string ReservationCompleted = "reservation.completed";
    public const string ResourceCreated = "resource.created";
    public const string ResourceUpdated = "resource.updated";
    public const string ResourceDeleted = "resource.deleted";
    public const string ResourceUnavailable = "resource.unavailable";
    public const string ResourceAvailable = "resource.available";
    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string UserSignedIn = "user.signed_in";
    public const string UserDeleted = "user.deleted";
    public const string ReservationHeld = "reservation.held";
    public const string WaitlistJoined = "waitlist.joined";
    public const string WaitlistOffer = "waitlist.offer";
    public const string WaitlistAccepted = "waitlist.accepted";
    public const string WaitlistDeclined = "waitlist.declined";
    public const string WaitlistExpired = "waitlist.expired";
    public const string WaitlistLeft = "waitlist.left";
    public const string ApprovalRequested = "approval.requested";
    public const string ApprovalApproved = "approval.approved";
    public const string ApprovalRejected = "approval.rejected";
}
