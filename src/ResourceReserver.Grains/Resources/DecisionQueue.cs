using Microsoft.Extensions.Logging;
using Orleans.Storage;
using ResourceReserver.Outbox;

namespace ResourceReserver.Resources;

/// <summary>
/// Group commit for one resource. Decisions run one after another in memory (each sees the effects of those
/// before it), then a single-flight writer confirms everything decided so far with one write of the open
/// segment; each caller is answered only after that write returned, and events are delivered only
/// after the write holding them. A version conflict re-reads and decides the batch again; any other write
/// failure re-reads, fails every decision of the batch, and decides the later ones again on the fresh state.
/// </summary>
internal sealed class DecisionQueue(Grain grain, OutboxRelay relay, ILogger logger, Func<Task> onReloaded)
{
    private const int MaxAttempts = 3;

    // A caller waits this long at most for its events to reach the sink, as it did before group commit, so
    // projections are usually current when it hears back; a stuck sink never holds a caller longer.
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(1);
    private readonly List<PendingDecision> _queue = [];
    private readonly List<(IReadOnlyList<RowWrite> Writes, TaskCompletionSource Done)> _undelivered = [];
    private IGrainStorage? _storage;
    private bool _flushing;
    private bool _delivering;
    private bool _broken;
    private IGrainTimer? _outboxRetry;

    public ResourceLedger Ledger { get; private set; } = null!;

    /// <summary>True while nothing decided in memory is waiting for a write: memory equals storage.</summary>
    public bool IsSettled => !_flushing && _queue.Count == 0 && !Ledger.IsDirty;

    public async Task LoadAsync(IGrainStorage storage)
    {
        _storage = storage;
        Ledger = await ResourceLedgerLoader.LoadAsync(storage, grain.GetGrainId());
    }

    /// <summary>Decides now, and answers once the decision is persisted (at once if it changed nothing and nothing is pending).</summary>
    public async Task<Outcome<T>> CommitAsync<T>(Func<Outcome<T>> decide)
    {
        if (_broken)
        {
            return new DomainError(ErrorKind.Unavailable, "storage_unavailable", "The resource could not re-read its state; try again.");
        }

        var decision = new PendingDecision<T>(decide);
        decision.Decide(Ledger);
        if (IsSettled)
        {
            // A refusal or a repeated answer on durable state: there is nothing to wait for.
            return decision.Outcome;
        }

        _queue.Add(decision);
        if (!_flushing)
        {
            _flushing = true;
            _ = FlushAsync();
        }

        var outcome = await decision.Answer;
        await Task.WhenAny(decision.Delivered, Task.Delay(DeliveryWait));
        return outcome;
    }

    /// <summary>
    /// Hands every persisted, undelivered event to the delivery pump; safe while decisions are pending, since only
    /// what storage holds is offered. Not awaited by callers: a sink that blocks (e.g. on a row lock held by a
    /// paused duplicate activation) must never hold up activation or writes.
    /// </summary>
    public void DeliverAll() => _ = StartDelivery(Ledger.PersistedOutboxes().ToList());

    private async Task FlushAsync()
    {
        try
        {
            while (_queue.Count > 0 || Ledger.IsDirty)
            {
                var batch = _queue.ToList();
                _queue.Clear();
                var plan = Ledger.TakeDirty();
                try
                {
                    // The fence: every decision of the batch is in this one row, and its version check is what
                    // keeps a stale duplicate activation from deciding beside this one.
                    if (plan.Fence is { } fence)
                    {
                        await fence.WriteAsync(_storage!, grain.GetGrainId());
                    }
                }
                catch (Exception exception)
                {
                    await RecoverAsync(batch, exception);
                    continue;
                }

                var delivered = StartDelivery(plan.Fence is { } written ? [written] : []);
                batch.ForEach(d => d.Complete(delivered));
                await WriteFollowersAsync(plan.Followers);
            }
        }
        finally
        {
            _flushing = false;
        }
    }

    /// <summary>
    /// The index and tidied sealed segments carry no decision: the batch is already answered. A failure only
    /// means memory may no longer match storage, so it is re-read and later decisions are taken again.
    /// </summary>
    private async Task WriteFollowersAsync(IReadOnlyList<RowWrite> followers)
    {
        try
        {
            foreach (var write in followers)
            {
                await write.WriteAsync(_storage!, grain.GetGrainId());
            }
        }
        catch (Exception exception)
        {
            await RecoverAsync([], exception);
            return;
        }

        _ = StartDelivery(followers);
    }

    private async Task RecoverAsync(List<PendingDecision> batch, Exception failure)
    {
        var conflict = failure is InconsistentStateException;
        logger.LogWarning(failure, "Write of {Count} decisions on {GrainId} failed; re-reading", batch.Count, grain.GetGrainId());
        var later = _queue.ToList();
        _queue.Clear();
        try
        {
            // No change that was not persisted may survive in memory.
            Ledger = await ResourceLedgerLoader.LoadAsync(_storage!, grain.GetGrainId());
            await onReloaded();
            DeliverAll();
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not re-read {GrainId}; deactivating", grain.GetGrainId());
            _broken = true;
            grain.DeactivateOnIdle();
            batch.Concat(later).ToList().ForEach(d => d.Fail(failure));
            return;
        }

        foreach (var decision in batch)
        {
            if (!conflict)
            {
                decision.Fail(failure);
            }
            else if (++decision.Attempts >= MaxAttempts)
            {
                decision.GiveUp(new DomainError(ErrorKind.Unavailable, "storage_contention", "The entity changed concurrently; try again."));
            }
            else
            {
                Redecide(decision);
            }
        }

        // Decided on memory that held the failed batch: decide again on what storage holds.
        later.ForEach(Redecide);
    }

    private void Redecide(PendingDecision decision)
    {
        try
        {
            decision.Decide(Ledger);
            _queue.Add(decision);
        }
        catch (Exception exception)
        {
            decision.Fail(exception);
        }
    }

    private Task StartDelivery(IReadOnlyList<RowWrite> writes)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _undelivered.Add((writes.Where(w => w.Events.Count > 0).ToList(), done));
        if (!_delivering)
        {
            _delivering = true;
            _ = PumpAsync();
        }

        return done.Task;
    }

    /// <summary>Single-flight, in write order, beside the writer rather than inside it.</summary>
    private async Task PumpAsync()
    {
        var allDelivered = true;
        try
        {
            while (_undelivered.Count > 0)
            {
                var items = _undelivered.ToList();
                _undelivered.Clear();
                allDelivered &= await DeliverAsync(items.SelectMany(i => i.Writes).ToList());
                items.ForEach(i => i.Done.TrySetResult());
            }
        }
        finally
        {
            _delivering = false;
        }

        // Kept while anything stored is undelivered, wherever it sits: a later delivery that succeeded says
        // nothing about an earlier one that failed (its events may now sit in a sealed segment).
        if (allDelivered && !Ledger.PersistedOutboxes().Any())
        {
            _outboxRetry?.Dispose();
            _outboxRetry = null;
        }
        else
        {
            _outboxRetry ??= grain.RegisterGrainTimer(
                _ =>
                {
                    DeliverAll();
                    return Task.CompletedTask;
                },
                new GrainTimerCreationOptions(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)) { Interleave = false });
        }
    }

    private async Task<bool> DeliverAsync(IReadOnlyList<RowWrite> writes)
    {
        var allDelivered = true;
        foreach (var write in writes)
        {
            var pending = new OutboxBuffer { Outbox = [.. write.Events] };
            allDelivered &= await relay.DeliverAsync(pending);
            var left = pending.Outbox.Select(e => e.Id).ToHashSet();
            write.ForgetDelivered(write.Events.Select(e => e.Id).Where(id => !left.Contains(id)).ToHashSet());
        }

        return allDelivered;
    }

    private sealed class OutboxBuffer : IHasOutbox
    {
        public List<Events.DomainEvent> Outbox { get; init; } = [];
    }
}
