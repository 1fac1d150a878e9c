using System.Text.Json.Serialization;
using ResourceReserver.Events;

namespace ResourceReserver.Host.Live;

/// <summary>
/// What a resource subscriber receives as <c>availabilityChanged</c>. No owner or title: subscribers may be anyone;
/// the reservation id only for the reservation's owner and administrators (<see cref="For"/>), as the REST
/// availability shows it.
/// </summary>
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
    /// <summary>Whose reservation changed; never sent, only used to decide who may see <see cref="ReservationId"/>.</summary>
    [Id(8)]
    [JsonIgnore]
    public Guid? OwnerId { get; init; }

    /// <summary>
    /// The change as <paramref name="viewerId"/> may see it: with the reservation id for its owner and for those who
    /// see others' bookings (<paramref name="seesOwners"/>: <c>reservations.manage</c>), without it for everyone else.
    /// </summary>
    public LiveChange For(Guid? viewerId, bool seesOwners) =>
        ReservationId is null || seesOwners || (viewerId is { } viewer && viewer == OwnerId) ? this : this with { ReservationId = null };

    /// <summary>The change a domain event means for a resource's availability, or null when it means none.</summary>
    public static LiveChange? From(DomainEvent e) => e switch
    {
        { Reservation: { } r } => new LiveChange(e.Id, e.Type, r.ResourceId, r.Id, r.Start, r.End, r.Status.ToString().ToLowerInvariant(), e.OccurredAt)
        {
            OwnerId = r.UserId,
        },
        { Resource: { } s } => new LiveChange(e.Id, e.Type, s.Id, null, null, null, s.Deleted ? "deleted" : s.Status.ToString().ToLowerInvariant(), e.OccurredAt),
        _ => null,
    };
}

/// <summary>A personal notification as pushed to its user's connections (and to this silo's <see cref="LiveEventBus"/>).</summary>
public sealed record LiveNotification(Guid Id, Guid UserId, string Kind, string Title, string Body, Guid? ReservationId, Guid? ResourceId, DateTimeOffset CreatedAt);
