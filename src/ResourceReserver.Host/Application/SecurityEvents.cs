using ResourceReserver.Audit;
using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Application;

/// <summary>
/// Records refused security-relevant requests (a wrong password, code or token): they change nothing, so nothing
/// else would write their audit entry. Successes are recorded with the change they make, by the grain or store.
/// </summary>
public sealed class SecurityEvents(IAuditLog log, TimeProvider clock, ILogger<SecurityEvents> logger)
{
    /// <summary>Records <paramref name="action"/> as failed, with the refusal code, when <paramref name="outcome"/> failed; returns it unchanged.</summary>
    public async Task<Outcome<T>> RecordAsync<T>(Outcome<T> outcome, string action, string? entityType = null, string? entityId = null, string? attemptedName = null)
    {
        if (!outcome.IsSuccess)
        {
            await FailureAsync(action, outcome.Error!, entityType, entityId, attemptedName);
        }

        return outcome;
    }

    /// <summary>Records a refusal of <paramref name="action"/>; the name tried stands in for the actor when nobody is signed in.</summary>
    public async Task FailureAsync(string action, DomainError error, string? entityType = null, string? entityId = null, string? attemptedName = null)
    {
        var entry = AuditEntry.Of(action, clock.GetUtcNow(), AuditOutcomes.Failure, entityType, entityId, error.Code);
        if (entry.ActorId is null && attemptedName is { Length: > 0 })
        {
            entry = entry with { ActorName = attemptedName.Length > 50 ? attemptedName[..50] : attemptedName };
        }

        try
        {
            await log.RecordAsync(entry);
        }
        catch (Exception exception)
        {
            // The refusal is the answer either way; failing to record it must not turn a 401 into a 500.
            logger.LogWarning(exception, "Could not record a failed {Action}", action);
        }
    }
}
