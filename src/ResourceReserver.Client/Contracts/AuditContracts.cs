namespace ResourceReserver.Client.Contracts;

/// <summary>One audit entry as the API answers it.</summary>
public sealed record AuditEntryView(
    Guid Id,
    DateTimeOffset At,
    Guid? ActorId,
    string? ActorName,
    string Action,
    string? EntityType,
    string? EntityId,
    string Outcome,
    string? Ip,
    string? UserAgent,
    string? Detail);

/// <summary>The filters of <c>GET /audit</c> and <c>/audit/export</c>; null leaves one out.</summary>
public sealed record AuditSearch(
    string? ActorId = null,
    string? Action = null,
    string? EntityType = null,
    string? EntityId = null,
    string? Outcome = null,
    DateTimeOffset? From = null,
    DateTimeOffset? Until = null,
    int? Limit = null,
    string? Cursor = null);

/// <summary><c>GET /audit/stats</c>: counts by action and by UTC day.</summary>
public sealed record AuditStatsView(DateTimeOffset? From, DateTimeOffset? Until, long Total, IReadOnlyList<AuditActionCount> ByAction, IReadOnlyList<AuditDayCount> ByDay);

/// <summary>Entries of one action.</summary>
public sealed record AuditActionCount(string Action, long Count);

/// <summary>Entries of one UTC day.</summary>
public sealed record AuditDayCount(DateOnly Day, long Count);
