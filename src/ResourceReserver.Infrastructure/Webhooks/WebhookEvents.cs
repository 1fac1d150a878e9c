using ResourceReserver.Events;

namespace ResourceReserver.Infrastructure.Webhooks;

/// <summary>The events a webhook can subscribe to.</summary>
public static class WebhookEvents
{
    /// <summary>Sent by the test-delivery endpoint only.</summary>
    public const string Test = "webhook.test";

    /// <summary>Every subscribable event with a one-line description.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        [EventTypes.ReservationCreated] = "A reservation was booked.",
        [EventTypes.ReservationCancelled] = "A reservation was cancelled.",
        [EventTypes.ReservationUpdated] = "A reservation was changed.",
        [EventTypes.ReservationExpired] = "A reservation, hold or undecided approval request lapsed.",
        [EventTypes.ApprovalRequested] = "A booking on a resource that requires approval waits for an approver.",
        [EventTypes.ApprovalApproved] = "An approver approved a request; the reservation is confirmed.",
        [EventTypes.ApprovalRejected] = "An approver rejected a request; its capacity is free again.",
        [EventTypes.ResourceCreated] = "A resource was created.",
        [EventTypes.ResourceUpdated] = "A resource was changed.",
        [EventTypes.ResourceDeleted] = "A resource was deleted.",
        [EventTypes.ResourceUnavailable] = "A resource went into maintenance or was disabled.",
        [EventTypes.ResourceAvailable] = "A resource takes bookings again.",
        [EventTypes.UserCreated] = "An account was registered.",
        [EventTypes.UserUpdated] = "An account was changed.",
        ["waitlist.offer"] = "A waitlisted slot was offered to a user.",
        ["waitlist.accepted"] = "A waitlist offer was accepted.",
        ["waitlist.expired"] = "A waitlist offer lapsed.",
    };
}
