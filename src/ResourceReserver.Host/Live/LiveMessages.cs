using ResourceReserver.Events;

namespace ResourceReserver.Host.Live;

/// <summary>What a resource subscriber receives as <c>availabilityChanged</c>. No owner or title: subscribers may be anyone.</summary>
[GenerateSerializer, Immutable, Alias("rr.LiveChange")]
public sealed record LiveChange(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] string Type,
    [property: Id(2)] Guid ResourceId,
    [property: Id(3)] Guid? ReservationId,
    [property: Id(4)] DateTimeOffset? Start,
    [property: Id(5)] DateTimeOffset? End,
    [property: Id(6)] string? Status,
    [property: Id(7)] DateTimeOffset OccurredAt)
{
    /// <summary>The change a domain event means for a resource's availability, or null when it means none.</summary>
    public static LiveChange? From(DomainEvent e) => e switch
    {
        { Reservation: { } r } => new LiveChange(e.Id, e.Type, r.ResourceId, r.Id, r.Start, r.End, r.Status.ToString().ToLowerInvariant(), e.OccurredAt),
        { Resource: { } s } => new LiveChange(e.Id, e.Type, s.Id, null, null, null, s.Deleted ? "deleted" : s.Status.ToString().ToLowerInvariant(), e.OccurredAt),
        _ => null,
    };
}

/// <summary>A personal notification as pushed to its user's connections (and to this silo's <see cref="LiveEventBus"/>).</summary>
public sealed record LiveNotification(Guid Id, Guid UserId, string Kind, string Title, string Body, Guid? ReservationId, Guid? ResourceId, DateTimeOffset CreatedAt);
