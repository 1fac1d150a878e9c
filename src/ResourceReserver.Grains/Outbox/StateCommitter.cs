using Microsoft.Extensions.Logging;
using Orleans.Storage;
using ResourceReserver.Audit;
using ResourceReserver.Events;

namespace ResourceReserver.Outbox;

/// <summary>
/// The write discipline every grain follows: decide on the current state, persist, and only then answer and
/// deliver the outbox. A version conflict (another activation wrote first) re-reads and decides again on the
/// fresh state; any other write failure reloads state so no unpersisted change survives in memory.
/// </summary>
public sealed class StateCommitter<TState>(
    Grain grain,
    IPersistentState<TState> state,
    OutboxRelay relay,
    ILogger logger,
    Action? onReloaded = null)
    where TState : IHasOutbox
{
    private const int MaxAttempts = 3;
    private IGrainTimer? _outboxRetry;

    /// <summary>
    /// Runs <paramref name="decide"/> and persists what it changed before returning its outcome.
    /// <paramref name="decide"/> must leave state untouched when it fails, except for memos that may be lost.
    /// </summary>
    public async Task<Outcome<T>> CommitAsync<T>(Func<Outcome<T>> decide)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var outcome = decide();
            if (!outcome.IsSuccess)
            {
                return outcome;
            }

            try
            {
                await state.WriteStateAsync();
            }
            catch (InconsistentStateException exception)
            {
                logger.LogWarning(exception, "Version conflict on {GrainId}; re-reading and deciding again", grain.GetGrainId());
                await ReloadAsync();
                continue;
            }
            catch
            {
                await ReloadOrDeactivateAsync();
                throw;
            }

            await DeliverOutboxAsync();
            return outcome;
        }

        return new DomainError(ErrorKind.Unavailable, ProblemCode.StorageContention, "The entity changed concurrently; try again.");
    }

    /// <summary>
    /// Records an event in the outbox, stamped with the current request's origin for its audit entry; it is persisted
    /// by the next commit. Call it only on a decision's success path.
    /// </summary>
    public void Record(DomainEvent domainEvent) => state.State.Outbox.Add(Stamped(domainEvent));

    /// <summary>
    /// Records an audit entry written with the next commit (the change it describes), through the outbox but never
    /// into the event log. The actor is the request's, else <paramref name="actorId"/>.
    /// </summary>
    public void Audit(string action, DateTimeOffset at, Guid? actorId, AuditNote? note = null, UserProfile? user = null) =>
        Record(new DomainEvent
        {
            Type = AuditNote.AuditOnlyEventType,
            OccurredAt = at,
            ActorId = actorId,
            User = user,
            Audit = (note ?? new AuditNote()) with { Action = action, AuditOnly = true },
        });

    /// <summary>The event with the current request's origin, unless it has one (or there is no request: the system acts).</summary>
    public static DomainEvent Stamped(DomainEvent domainEvent) =>
        domainEvent.Audit?.Origin is not null || RequestOrigin.Current is not { } origin
            ? domainEvent
            : domainEvent with { Audit = (domainEvent.Audit ?? new AuditNote()) with { Origin = origin } };

    /// <summary>Delivers pending events; if that fails, a timer keeps retrying until the outbox is empty.</summary>
    public async Task DeliverOutboxAsync()
    {
        if (await relay.DeliverAsync(state.State))
        {
            _outboxRetry?.Dispose();
            _outboxRetry = null;
            return;
        }

        _outboxRetry ??= grain.RegisterGrainTimer(
            async _ => await DeliverOutboxAsync(),
            new GrainTimerCreationOptions(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)) { Interleave = false });
    }

    private async Task ReloadAsync()
    {
        await state.ReadStateAsync();
        onReloaded?.Invoke();
    }

    private async Task ReloadOrDeactivateAsync()
    {
        try
        {
            await ReloadAsync();
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not re-read {GrainId}; deactivating", grain.GetGrainId());
            grain.DeactivateOnIdle();
        }
    }
}
