namespace ResourceReserver.Client.Contracts;

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
    Guid? ReservationId);

/// <summary>A list of waitlist entries in the paged-list shape (one page: lists are short).</summary>
public sealed record WaitlistPage(IReadOnlyList<WaitlistEntryView> Items, string? NextCursor);
