namespace ResourceReserver.Contracts;

/// <summary>A request to book; the reservation id is chosen by the caller so a retried call is recognisable.</summary>
[GenerateSerializer, Immutable, Alias("rr.BookingRequest")]
public sealed record BookingRequest
{
    [Id(0)] public Guid ReservationId { get; init; }
    [Id(1)] public Guid UserId { get; init; }
    [Id(2)] public DateTimeOffset Start { get; init; }
    [Id(3)] public DateTimeOffset End { get; init; }
    [Id(4)] public int Quantity { get; init; } = 1;
    [Id(5)] public string? Title { get; init; }
    [Id(6)] public string? Notes { get; init; }

    /// <summary>Client-supplied key; the same key from the same user returns the first answer.</summary>
    [Id(7)] public string? IdempotencyKey { get; init; }
}
