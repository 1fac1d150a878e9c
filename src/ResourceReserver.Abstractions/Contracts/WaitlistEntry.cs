namespace ResourceReserver.Contracts;

/// <summary>Where a waitlist entry stands.</summary>
public enum WaitlistStatus
{
    /// <summary>In the queue, waiting for capacity.</summary>
    Waiting = 0,

    /// <summary>A slot is held for the user until the offer expires.</summary>
    Offered = 1,

    /// <summary>The offer was accepted and booked.</summary>
    Accepted = 2,

    /// <summary>The user declined the offer.</summary>
    Declined = 3,

    /// <summary>The offer lapsed unanswered, or the wanted window passed.</summary>
    Expired = 4,

    /// <summary>The user left the queue.</summary>
    Left = 5,
}

/// <summary>Any window of the wanted length inside [Earliest, Latest) will do.</summary>
[GenerateSerializer, Immutable, Alias("rr.FlexibleRange")]
public readonly record struct FlexibleRange([property: Id(0)] DateTimeOffset Earliest, [property: Id(1)] DateTimeOffset Latest);

/// <summary>One user's place in a resource's waitlist.</summary>
[GenerateSerializer, Immutable, Alias("rr.WaitlistEntry")]
public sealed record WaitlistEntry
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public Guid ResourceId { get; init; }
    [Id(2)] public Guid UserId { get; init; }

    /// <summary>The wanted window; with <see cref="Flexible"/>, only its length matters.</summary>
    [Id(3)] public DateTimeOffset Start { get; init; }
    [Id(4)] public DateTimeOffset End { get; init; }
    [Id(5)] public FlexibleRange? Flexible { get; init; }
    [Id(6)] public WaitlistStatus Status { get; init; }

    /// <summary>Join order: increases per resource, never reused.</summary>
    [Id(7)] public long Sequence { get; init; }
    [Id(8)] public DateTimeOffset JoinedAt { get; init; }
    [Id(9)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The slot held for the user while <see cref="Status"/> is offered (and what was booked on accept).</summary>
    [Id(10)] public TimeRange? OfferedSlot { get; init; }
    [Id(11)] public DateTimeOffset? OfferExpiresAt { get; init; }

    /// <summary>The reservation booked on accept; it has the entry's id.</summary>
    [Id(12)] public Guid? ReservationId { get; init; }

    /// <summary>1-based place among the entries still waiting or offered; null once settled.</summary>
    [Id(13)] public int? Position { get; init; }
    [Id(14)] public long Version { get; init; }

    /// <summary>True while the entry is in the queue (waiting or holding an offer).</summary>
    public bool IsOpen => Status is WaitlistStatus.Waiting or WaitlistStatus.Offered;

    /// <summary>The range any offered slot must lie in.</summary>
    public TimeRange SearchRange => Flexible is { } f ? new TimeRange(f.Earliest, f.Latest) : new TimeRange(Start, End);
}

/// <summary>A waiting entry the resource may place an offer hold for, in join order.</summary>
[GenerateSerializer, Immutable, Alias("rr.OfferCandidate")]
public sealed record OfferCandidate(
    [property: Id(0)] Guid EntryId,
    [property: Id(1)] Guid UserId,
    [property: Id(2)] TimeSpan Duration,
    [property: Id(3)] TimeRange SearchRange);

/// <summary>What one settlement with the resource did, all in one commit.</summary>
[GenerateSerializer, Immutable, Alias("rr.OfferSettlement")]
public sealed record OfferSettlement
{
    /// <summary>Offers (by entry id) that were released or had already lapsed.</summary>
    [Id(0)] public IReadOnlyList<Guid> Released { get; init; } = [];

    /// <summary>Offers (by entry id) that turned out to be booked already (an accept whose answer was lost).</summary>
    [Id(1)] public IReadOnlyList<Reservation> Booked { get; init; } = [];

    /// <summary>Offer holds standing for candidates, new or found from an earlier unfinished settlement.</summary>
    [Id(2)] public IReadOnlyList<Hold> Placed { get; init; } = [];
}
