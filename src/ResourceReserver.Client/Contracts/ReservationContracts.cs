namespace ResourceReserver.Client.Contracts;

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
    string? CancelReason,
    DateTimeOffset? ApprovalExpiresAt = null,
    Guid? DecidedBy = null,
    string? DecisionMessage = null);

/// <summary>Body of <c>POST /reservations/series</c>.</summary>
public sealed record CreateSeriesRequest(
    string? ResourceId, DateTimeOffset? Start, DateTimeOffset? End, string? Rule, string? OnConflict, int? Quantity, string? Title, string? Notes);

/// <summary>Body of <c>POST /reservations/{id}/cancel-series</c>: scope <c>one</c>, <c>following</c> or <c>all</c>.</summary>
public sealed record CancelSeriesRequest(string? Scope, string? Reason);

/// <summary>Body of <c>PATCH /reservations/{id}</c>: only the fields present change.</summary>
public sealed record ChangeReservationRequest(DateTimeOffset? Start, DateTimeOffset? End, int? Quantity, string? Title, string? Notes);

/// <summary>A created series as the API shows it.</summary>
public sealed record SeriesView(Guid SeriesId, IReadOnlyList<ReservationView> Reservations, IReadOnlyList<SkippedView> Skipped);

/// <summary>An occurrence a series skipped, with the rule that refused it.</summary>
public sealed record SkippedView(DateTimeOffset Start, DateTimeOffset End, string Code);
