using ResourceReserver.Audit;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Infrastructure.Audit;

/// <summary>The one statement that appends an audit entry, added to the transaction of the change it describes.</summary>
internal static class AuditRows
{
    /// <summary>Appends <paramref name="entry"/>; an entry already there (same id: a redelivered event) is left as it is.</summary>
    public static void Insert(SqlBatch batch, AuditEntry entry) => batch.Add(Sql, Parameters(entry));

    /// <summary>The insert statement and its parameters, for callers outside a batch.</summary>
    public const string Sql =
        """
        INSERT INTO audit_entries (id, at_ms, actor_id, actor_name, action, entity_type, entity_id, outcome, ip, user_agent, detail)
        VALUES (@id, @at, @actor, @actorName, @action, @entityType, @entityId, @outcome, @ip, @ua, @detail)
        ON CONFLICT (id) DO NOTHING
        """;

    public static (string Name, object? Value)[] Parameters(AuditEntry e) =>
    [
        ("id", e.Id.ToString()), ("at", e.At.ToUnixMs()), ("actor", e.ActorId?.ToString()), ("actorName", e.ActorName),
        ("action", e.Action), ("entityType", e.EntityType), ("entityId", e.EntityId), ("outcome", e.Outcome),
        ("ip", e.Ip), ("ua", e.UserAgent), ("detail", EventAudit.Shorten(e.Detail)),
    ];
}
