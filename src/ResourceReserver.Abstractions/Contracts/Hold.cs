namespace ResourceReserver.Contracts;

/// <summary>
/// A tentative booking that blocks capacity until it is confirmed, released or lapses. An offer to a waitlist
/// entry is a hold too: its id is the entry's id, so accepting it books exactly one reservation with that id.
/// </summary>
[GenerateSerializer, Immutable, Alias("rr.Hold")]
public sealed record Hold
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public Guid ResourceId { get; init; }
    [Id(2)] public Guid UserId { get; init; }
    [Id(3)] public DateTimeOffset Start { get; init; }
    [Id(4)] public DateTimeOffset End { get; init; }
    [Id(5)] public int Quantity { get; init; } = 1;

    /// <summary>After this instant the hold (or offer) can no longer be confirmed.</summary>
    [Id(6)] public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>True for a waitlist offer, which only the waitlist settles.</summary>
    [Id(7)] public bool IsOffer { get; init; }

    [Id(8)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The interval the hold blocks.</summary>
    public TimeRange Range => new(Start, End);

    /// <summary>The hold as a reservation in status held (how the read store and API show it).</summary>
    public Reservation AsReservation(ReservationStatus status, DateTimeOffset now, long version) => new()
    {
        Id = Id,
        ResourceId = ResourceId,
        UserId = UserId,
        Start = Start,
        End = End,
        Quantity = Quantity,
        Status = status,
        CreatedAt = CreatedAt,
        UpdatedAt = now,
        Version = version,
    };
}

/// <summary>A request to hold capacity; the id is the caller's so a retried call is recognisable.</summary>
[GenerateSerializer, Immutable, Alias("rr.HoldRequest")]
public sealed record HoldRequest(
    [property: Id(0)] Guid HoldId,
    [property: Id(1)] Guid UserId,
    [property: Id(2)] DateTimeOffset Start,
    [property: Id(3)] DateTimeOffset End,
    [property: Id(4)] int Quantity = 1);

/// <summary>How long a resource's holds and waitlist offers stand.</summary>
[GenerateSerializer, Immutable, Alias("rr.HoldTiming")]
public sealed record HoldTiming
{
    /// <summary>The defaults: holds stand 5 minutes, offers 30 minutes.</summary>
    public static HoldTiming Default { get; } = new();

    [Id(0)] public TimeSpan HoldDuration { get; init; } = TimeSpan.FromMinutes(5);
    [Id(1)] public TimeSpan OfferWindow { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Null when valid; otherwise a 422 error.</summary>
    public DomainError? Validate() =>
        HoldDuration < TimeSpan.FromSeconds(1) || HoldDuration > TimeSpan.FromDays(1)
        || OfferWindow < TimeSpan.FromSeconds(1) || OfferWindow > TimeSpan.FromDays(7)
            ? DomainError.Invalid(ProblemCode.InvalidHoldTiming, "holdDuration must be 1 second to 1 day and offerWindow 1 second to 7 days.")
            : null;
}
