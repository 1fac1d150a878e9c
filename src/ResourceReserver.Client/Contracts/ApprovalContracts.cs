namespace ResourceReserver.Client.Contracts;

/// <summary>Body of <c>POST /approvals/{reservationId}/approve</c> (message optional) and <c>/reject</c> (message required).</summary>
public sealed record ApprovalDecisionRequest(string? Message);
