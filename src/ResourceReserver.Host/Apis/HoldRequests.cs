using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Apis;

/// <summary>Body of <c>POST /holds</c>.</summary>
public sealed record CreateHoldRequest(string? ResourceId, DateTimeOffset? Start, DateTimeOffset? End, int? Quantity);

/// <summary>Body of <c>PUT /resources/{id}/hold-timing</c>: durations as <c>hh:mm:ss</c>.</summary>
public sealed record HoldTimingRequest(TimeSpan? HoldDuration, TimeSpan? OfferWindow);

/// <summary>A hold as the API shows it.</summary>
public sealed record HoldView(Guid Id, Guid ResourceId, Guid UserId, DateTimeOffset Start, DateTimeOffset End, int Quantity, string Status, DateTimeOffset ExpiresAt)
{
    /// <summary>Projects a hold to the API shape (UTC instants).</summary>
    public static HoldView From(Hold h) => new(
        h.Id, h.ResourceId, h.UserId, h.Start.ToUniversalTime(), h.End.ToUniversalTime(), h.Quantity, "held", h.ExpiresAt.ToUniversalTime());
}

/// <summary>Body of <c>POST /waitlist</c>.</summary>
public sealed record JoinWaitlistRequest(string? ResourceId, DateTimeOffset? Start, DateTimeOffset? End, FlexibleRequest? Flexible);

/// <summary>Any window of the same length inside [earliest, latest).</summary>
public sealed record FlexibleRequest(DateTimeOffset? Earliest, DateTimeOffset? Latest);

/// <summary>The offer standing for (or booked by) a waitlist entry.</summary>
public sealed record OfferView(DateTimeOffset Start, DateTimeOffset End, DateTimeOffset ExpiresAt);

/// <summary>A waitlist entry as the API shows it.</summary>
public sealed record WaitlistEntryView(
    Guid Id,
    Guid ResourceId,
    Guid UserId,
    DateTimeOffset Start,
    DateTimeOffset End,
    FlexibleRequest? Flexible,
    string Status,
    int? Position,
    DateTimeOffset JoinedAt,
    OfferView? Offer,
    Guid? ReservationId)
{
    /// <summary>Projects an entry to the API shape (UTC instants).</summary>
    public static WaitlistEntryView From(WaitlistEntry e) => new(
        e.Id,
        e.ResourceId,
        e.UserId,
        e.Start.ToUniversalTime(),
        e.End.ToUniversalTime(),
        e.Flexible is { } f ? new FlexibleRequest(f.Earliest.ToUniversalTime(), f.Latest.ToUniversalTime()) : null,
        e.Status.ToString().ToLowerInvariant(),
        e.Position,
        e.JoinedAt.ToUniversalTime(),
        e is { OfferedSlot: { } slot, OfferExpiresAt: { } expires } ? new OfferView(slot.Start.ToUniversalTime(), slot.End.ToUniversalTime(), expires.ToUniversalTime()) : null,
        e.ReservationId);
}
