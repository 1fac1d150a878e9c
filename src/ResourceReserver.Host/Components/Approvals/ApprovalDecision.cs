namespace ResourceReserver.Host.Components.Approvals;

/// <summary>What an approver chose for a request in the UI: approve (or reject) with an optional message.</summary>
public sealed record ApprovalDecision(ApprovalRequestView Request, bool Approve, string? Message);
