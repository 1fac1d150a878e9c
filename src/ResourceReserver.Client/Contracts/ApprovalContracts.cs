namespace ResourceReserver.Client.Contracts;

/// <summary>Body of <c>POST /approvals/{reservationId}/approve</c> (message optional) and <c>/reject</c> (message required).</summary>
public sealed record ApprovalDecisionRequest(string? Message);

/// <summary>
/// A request an approver may decide, as <c>GET /approvals</c> lists it: the reservation's fields, plus who asked and
/// the resource's name and IANA time zone, so the approver sees whom and what it concerns without further calls.
/// </summary>
public sealed record ApprovalRequestView(
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
    DateTimeOffset? ApprovalExpiresAt,
    Guid? DecidedBy,
    string? DecisionMessage,
    string Requester,
    string ResourceName,
    string TimeZone);
