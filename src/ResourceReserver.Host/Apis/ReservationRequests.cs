using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Apis;

/// <summary>Body of <c>POST /reservations</c>.</summary>
public sealed record CreateReservationRequest(string? ResourceId, DateTimeOffset? Start, DateTimeOffset? End, string? Title, string? Notes, int? Quantity);

/// <summary>Body of <c>POST /reservations/{id}/cancel</c>.</summary>
public sealed record CancelReservationRequest(string? Reason);

/// <summary>A reservation as the API shows it.</summary>
public sealed record ReservationView(
    Guid Id,
    Guid ResourceId,
    Guid UserId,
    DateTimeOffset Start,
    DateTimeOffset End,
    int Quantity,
    string? Title,
    string? Notes,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? CancelReason)
{
    /// <summary>Projects a reservation to the API shape (UTC instants).</summary>
    public static ReservationView From(Reservation r) => new(
        r.Id, r.ResourceId, r.UserId, r.Start.ToUniversalTime(), r.End.ToUniversalTime(), r.Quantity, r.Title, r.Notes,
        r.Status.ToString().ToLowerInvariant(), r.CreatedAt.ToUniversalTime(), r.UpdatedAt.ToUniversalTime(), r.CancelReason);
}
