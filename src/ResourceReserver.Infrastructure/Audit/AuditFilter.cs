namespace ResourceReserver.Infrastructure.Audit;

/// <summary>
/// Which audit entries to read. <see cref="Action"/> is exact, or a prefix when it ends with <c>*</c>
/// (<c>auth.*</c>); instants bound <c>[From, Until)</c>.
/// </summary>
public sealed record AuditFilter(
    Guid? ActorId = null,
    string? Action = null,
    string? EntityType = null,
    string? EntityId = null,
    string? Outcome = null,
    DateTimeOffset? From = null,
    DateTimeOffset? Until = null);

/// <summary>Counts of entries in a window: by action, and by UTC day.</summary>
public sealed record AuditStats(DateTimeOffset? From, DateTimeOffset? Until, long Total, IReadOnlyList<ActionCount> ByAction, IReadOnlyList<DayCount> ByDay);

/// <summary>Entries of one action.</summary>
public sealed record ActionCount(string Action, long Count);

/// <summary>Entries of one UTC day.</summary>
public sealed record DayCount(DateOnly Day, long Count);
