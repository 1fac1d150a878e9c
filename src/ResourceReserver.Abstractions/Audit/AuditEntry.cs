namespace ResourceReserver.Audit;

/// <summary>
/// One line of the audit log: who did what to which entity, from where, and how it ended. Append-only; never holds a
/// secret (passwords, tokens, client or webhook secrets, MFA codes): only names, ids and refusal codes.
/// </summary>
[GenerateSerializer, Immutable, Alias("rr.AuditEntry")]
public sealed record AuditEntry
{
    [Id(0)] public Guid Id { get; init; } = Guid.CreateVersion7();

    [Id(1)] public DateTimeOffset At { get; init; }

    /// <summary>The user who acted; null for the system (reminders, sweeps) and for unknown callers.</summary>
    [Id(2)] public Guid? ActorId { get; init; }

    /// <summary>The actor's username when the entry was written, or the name tried at a failed sign-in.</summary>
    [Id(3)] public string? ActorName { get; init; }

    /// <summary>Dotted action name, e.g. <c>reservation.created</c>, <c>auth.sign_in</c> (see <see cref="AuditActions"/>).</summary>
    [Id(4)] public required string Action { get; init; }

    [Id(5)] public string? EntityType { get; init; }

    [Id(6)] public string? EntityId { get; init; }

    /// <summary><c>success</c>, <c>failure</c> or <c>denied</c> (see <see cref="AuditOutcomes"/>).</summary>
    [Id(7)] public string Outcome { get; init; } = AuditOutcomes.Success;

    [Id(8)] public string? Ip { get; init; }

    [Id(9)] public string? UserAgent { get; init; }

    /// <summary>Short free text: a refusal code, what changed, a reason.</summary>
    [Id(10)] public string? Detail { get; init; }

    /// <summary>An entry for <paramref name="action"/> now, stamped with the caller's origin.</summary>
    public static AuditEntry Of(string action, DateTimeOffset at, string outcome = AuditOutcomes.Success, string? entityType = null, string? entityId = null, string? detail = null)
    {
        var origin = RequestOrigin.Current;
        return new AuditEntry
        {
            At = at,
            Action = action,
            Outcome = outcome,
            EntityType = entityType,
            EntityId = entityId,
            Detail = detail,
            ActorId = origin?.ActorId,
            ActorName = origin?.ActorName,
            Ip = origin?.Ip,
            UserAgent = origin?.UserAgent,
        };
    }
}

/// <summary>How an audited action ended.</summary>
public static class AuditOutcomes
{
    public const string Success = "success";

    /// <summary>Refused for what was sent (a wrong password, code or token).</summary>
    public const string Failure = "failure";

    /// <summary>Refused for who asked (missing permission or scope).</summary>
    public const string Denied = "denied";

    /// <summary>Every outcome, for validating filters.</summary>
    public static readonly IReadOnlyList<string> All = [Success, Failure, Denied];
}
