using System.Text.Json.Serialization;
using ResourceReserver.Audit;
using ResourceReserver.Contracts;

namespace ResourceReserver.Events;

/// <summary>
/// Something that happened, stored with the change itself (in the same transaction, or in the outbox of the same
/// state write) and delivered at least once; <see cref="Id"/> lets every consumer drop duplicates.
/// </summary>
[GenerateSerializer, Immutable, Alias("rr.DomainEvent")]
public sealed record DomainEvent
{
    [Id(0)] public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Dotted event name, e.g. <c>reservation.created</c> (see <see cref="EventTypes"/>).</summary>
    [Id(1)] public required string Type { get; init; }

    [Id(2)] public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The user who caused it, if a user did.</summary>
    [Id(3)] public Guid? ActorId { get; init; }

    /// <summary>The reservation as it stands after the change, for reservation events.</summary>
    [Id(4)] public Reservation? Reservation { get; init; }

    /// <summary>The resource as it stands after the change, for resource events.</summary>
    [Id(5)] public ResourceSnapshot? Resource { get; init; }

    /// <summary>The account as it stands after the change, for user events.</summary>
    [Id(6)] public UserProfile? User { get; init; }

    /// <summary>Free-form detail (a cancel reason, the fields changed).</summary>
    [Id(7)] public string? Detail { get; init; }

    /// <summary>The waitlist entry as it stands after the change, for waitlist events.</summary>
    [Id(8)] public WaitlistEntry? WaitlistEntry { get; init; }

    /// <summary>
    /// What the audit log needs beyond the event (origin: actor, address, user agent). Kept out of the stored JSON
    /// payload, so webhooks and histories never carry it; the audit entry is written from it in the same transaction.
    /// </summary>
    [Id(9), JsonIgnore] public AuditNote? Audit { get; init; }

    /// <summary>The id of the entity the event is about.</summary>
    public Guid EntityId => WaitlistEntry?.Id ?? Reservation?.Id ?? Resource?.Id ?? User?.Id ?? Guid.Empty;

    /// <summary>The kind of entity the event is about.</summary>
    public string EntityType => WaitlistEntry is not null ? "waitlist_entry" : Reservation is not null ? "reservation" : Resource is not null ? "resource" : "user";
}
