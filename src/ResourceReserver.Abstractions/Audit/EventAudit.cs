using ResourceReserver.Events;

namespace ResourceReserver.Audit;

/// <summary>The audit entry a domain event stands for: one per event, with the event's id, so a redelivery adds nothing.</summary>
public static class EventAudit
{
    /// <summary>The entry for <paramref name="e"/>.</summary>
    public static AuditEntry Of(DomainEvent e)
    {
        var note = e.Audit;
        var origin = note?.Origin;
        var actorId = origin?.ActorId ?? e.ActorId;
        return new AuditEntry
        {
            Id = e.Id,
            At = e.OccurredAt,
            ActorId = actorId,
            ActorName = origin?.ActorName ?? (e.User is { } user && user.Id == actorId ? user.Username : null),
            Action = note?.Action ?? ActionOf(e.Type),
            EntityType = note?.EntityType ?? e.EntityType,
            EntityId = note?.EntityId ?? (e.EntityId == Guid.Empty ? null : e.EntityId.ToString()),
            Outcome = note?.Outcome ?? AuditOutcomes.Success,
            Ip = origin?.Ip,
            UserAgent = origin?.UserAgent,
            Detail = Shorten(note?.Detail ?? e.Detail),
        };
    }

    /// <summary>Cuts free text to what an audit line needs.</summary>
    public static string? Shorten(string? text) => text is { Length: > 500 } ? text[..500] : text;

    private static string ActionOf(string type) => type == EventTypes.UserSignedIn ? AuditActions.SignIn : type;
}
