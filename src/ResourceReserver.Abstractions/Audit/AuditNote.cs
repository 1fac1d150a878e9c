namespace ResourceReserver.Audit;

/// <summary>
/// What the audit log makes of a domain event: its origin (stamped where the event is recorded) and, where the
/// event's type says too little (every account change is <c>user.updated</c>), the audit action. An event marked
/// <see cref="AuditOnly"/> exists for the audit log alone (a password change, a session revoked): it is written in
/// the same state write as the change, but never reaches the event log or its consumers.
/// </summary>
[GenerateSerializer, Immutable, Alias("rr.AuditNote")]
public sealed record AuditNote
{
    /// <summary>The event type of events that exist for the audit log alone (<see cref="AuditOnly"/>).</summary>
    public const string AuditOnlyEventType = "audit.note";

    [Id(0)] public string? Action { get; init; }

    [Id(1)] public RequestOrigin? Origin { get; init; }

    [Id(2)] public string? Detail { get; init; }

    [Id(3)] public bool AuditOnly { get; init; }

    [Id(4)] public string Outcome { get; init; } = AuditOutcomes.Success;

    /// <summary>The entity when the event names none of its own (a role, an OAuth2 client).</summary>
    [Id(5)] public string? EntityType { get; init; }

    [Id(6)] public string? EntityId { get; init; }
}
