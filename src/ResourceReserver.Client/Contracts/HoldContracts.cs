namespace ResourceReserver.Client.Contracts;

/// <summary>Body of <c>POST /holds</c>.</summary>
public sealed record CreateHoldRequest(string? ResourceId, DateTimeOffset? Start, DateTimeOffset? End, int? Quantity);

/// <summary>Body of <c>PUT /resources/{id}/hold-timing</c>: durations in ISO 8601, e.g. <c>PT5M</c>.</summary>
public sealed record HoldTimingRequest(TimeSpan? HoldDuration, TimeSpan? OfferWindow);

/// <summary>A hold as the API shows it.</summary>
public sealed record HoldView(Guid Id, Guid ResourceId, Guid UserId, DateTimeOffset Start, DateTimeOffset End, int Quantity, string Status, DateTimeOffset ExpiresAt);
