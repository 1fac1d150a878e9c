namespace ResourceReserver.Contracts;

/// <summary>The life cycle of a reservation.</summary>
public enum ReservationStatus
{
    /// <summary>Booked and blocking its interval.</summary>
    Confirmed = 0,

    /// <summary>Cancelled by its owner or an administrator; no longer blocks.</summary>
    Cancelled = 1,

    /// <summary>Ended normally.</summary>
    Completed = 2,

    /// <summary>Lapsed without being used (reserved for holds and offers).</summary>
    Expired = 3,

    /// <summary>Held tentatively (a hold or a waitlist offer); blocks capacity until confirmed, released or lapsed.</summary>
    Held = 4,

    /// <summary>Asked for on a resource that requires approval; holds its capacity until decided, cancelled or timed out.</summary>
    PendingApproval = 5,

    /// <summary>Refused by an approver; no longer blocks.</summary>
    Rejected = 6,
}
