namespace ResourceReserver.Contracts;

/// <summary>A booking of a quantity of a resource over a half-open interval.</summary>
[GenerateSerializer, Immutable, Alias("rr.Reservation")]
public sealed record Reservation
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public Guid ResourceId { get; init; }
    [Id(2)] public Guid UserId { get; init; }
    [Id(3)] public DateTimeOffset Start { get; init; }
    [Id(4)] public DateTimeOffset End { get; init; }
    [Id(5)] public int Quantity { get; init; } = 1;
    [Id(6)] public string? Title { get; init; }
    [Id(7)] public string? Notes { get; init; }
    [Id(8)] public ReservationStatus Status { get; init; }
    [Id(9)] public DateTimeOffset CreatedAt { get; init; }
    [Id(10)] public DateTimeOffset UpdatedAt { get; init; }
    [Id(11)] public string? CancelReason { get; init; }
    [Id(12)] public Guid? CancelledBy { get; init; }

    /// <summary>Increases with every change; projections apply only newer versions.</summary>
    [Id(13)] public long Version { get; init; }

    /// <summary>The recurring series this reservation is an occurrence of, if any.</summary>
    [Id(15)] public Guid? SeriesId { get; init; }

    /// <summary>When a request pending approval expires undecided; null for a reservation that needed none.</summary>
    [Id(16)] public DateTimeOffset? ApprovalExpiresAt { get; init; }

    /// <summary>The approver who approved or rejected the request, if it needed approval.</summary>
    [Id(17)] public Guid? DecidedBy { get; init; }

    /// <summary>The approver's message with the decision.</summary>
    [Id(18)] public string? DecisionMessage { get; init; }

    /// <summary>The interval the reservation occupies.</summary>
    public TimeRange Range => new(Start, End);
}
