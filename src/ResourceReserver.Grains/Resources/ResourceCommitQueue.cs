using Microsoft.Extensions.Logging;
using ResourceReserver.Audit;
using ResourceReserver.Scheduling;
using ResourceReserver.Storage;

namespace ResourceReserver.Resources;

/// <summary>
/// Group commit for one resource. Decisions run one after another on the state in memory (each sees those before
/// it); one commit at a time writes everything decided so far, and decisions taken meanwhile ride on the next one.
/// A caller hears back only after the commit holding its decision. A failed fence (another activation wrote
/// first) re-reads and decides the batch again; any other failure re-reads, answers the batch 503, and decides the
/// later decisions again on the fresh state. Nothing not stored survives in memory.
/// </summary>
internal sealed class ResourceCommitQueue(Guid resourceId, IResourceStore store, SchedulingDefaults defaults, ILogger logger, Action deactivate)
{
    private const int MaxAttempts = 3;
    private readonly List<PendingDecision> _queue = [];

    // Answers to refused keyed bookings: nothing to write on their own, they ride on the next commit.
    private readonly List<RememberedAnswer> _memos = [];
    private bool _flushing;
    private bool _broken;

    public ResourceBook Book { get; private set; } = null!;

    public async Task LoadAsync() => Book = new ResourceBook(resourceId, await store.LoadAsync(resourceId), defaults);

    /// <summary>
    /// Decides now and answers once the decision is stored: at once when it changes nothing and nothing is pending
    /// (the state it read is what storage holds), else after the commit that holds it.
    /// </summary>
    public async Task<Decided<T>> SubmitAsync<T>(Func<ResourceBook, Decided<T>> decide)
    {
        if (_broken)
        {
            return StorageUnavailable();
        }

        var decision = new PendingDecision<T>(decide, RequestOrigin.Current);
        decision.Decide(Book);
        if (!_flushing && _queue.Count == 0 && decision.Changes.IsEmpty)
        {
            _memos.AddRange(decision.Changes.Answers);
            return decision.Result;
        }

        _queue.Add(decision);
        if (!_flushing)
        {
            _flushing = true;
            _ = FlushAsync();
        }

        return await decision.Answer;
    }

    private async Task FlushAsync()
    {
        try
        {
            while (_queue.Count > 0)
            {
                var batch = _queue.ToList();
                _queue.Clear();
                var changes = new ResourceChanges();
                batch.ForEach(d => changes.Merge(d.Changes));
                var commit = changes.ToCommit(resourceId, Book.Version, _memos);
                if (commit.IsEmpty)
                {
                    // Refusals and repeated answers queued behind a commit: what they read is stored now.
                    _memos.AddRange(changes.Answers);
                    batch.ForEach(d => d.Complete());
                    continue;
                }

                bool committed;
                try
                {
                    committed = await store.CommitAsync(commit);
                }
                catch (Exception exception)
                {
                    logger.LogWarning(exception, "Commit of {Count} decisions on resource {ResourceId} failed; re-reading", batch.Count, resourceId);
                    await RecoverAsync(batch, fenced: false);
                    continue;
                }

                if (!committed)
                {
                    logger.LogInformation("Resource {ResourceId} changed under this activation; re-reading and deciding {Count} decisions again", resourceId, batch.Count);
                    await RecoverAsync(batch, fenced: true);
                    continue;
                }

                _memos.Clear();
                Book.Version = commit.ExpectedVersion + 1;
                batch.ForEach(d => d.Complete());
            }
        }
        finally
        {
            _flushing = false;
        }
    }

    private async Task RecoverAsync(List<PendingDecision> batch, bool fenced)
    {
        var later = _queue.ToList();
        _queue.Clear();
        _memos.Clear();
        try
        {
            await LoadAsync();
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not re-read resource {ResourceId}; deactivating", resourceId);
            _broken = true;
            deactivate();
            batch.Concat(later).ToList().ForEach(d => d.Finish(StorageUnavailable()));
            return;
        }

        foreach (var decision in batch)
        {
            if (!fenced)
            {
                decision.Finish(StorageUnavailable());
            }
            else if (++decision.Attempts >= MaxAttempts)
            {
                decision.Finish(new DomainError(ErrorKind.Unavailable, ProblemCode.StorageContention, "The resource changed concurrently; try again."));
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
            decision.Decide(Book);
            _queue.Add(decision);
        }
        catch (Exception exception)
        {
            decision.Fail(exception);
        }
    }

    private static DomainError StorageUnavailable() =>
        new(ErrorKind.Unavailable, ProblemCode.StorageUnavailable, "The resource could not store the change; nothing was changed. Try again.");
}

/// <summary>A decision taken in memory and waiting for the commit that holds it; the caller hears back only then.</summary>
internal abstract class PendingDecision
{
    /// <summary>How many times a failed fence sent this decision back to be decided again.</summary>
    public int Attempts { get; set; }

    /// <summary>What the decision changed when it was last taken (already applied to the state).</summary>
    public ResourceChanges Changes { get; protected set; } = new();

    /// <summary>Decides (again) on the current state and applies what it changes; runs synchronously.</summary>
    public abstract void Decide(ResourceBook book);

    /// <summary>The commit holding the decision succeeded: answer the caller.</summary>
    public abstract void Complete();

    /// <summary>Answers the caller with an error instead; nothing the decision changed was stored.</summary>
    public abstract void Finish(DomainError error);

    public abstract void Fail(Exception exception);
}

/// <summary>
/// A decision of one caller; <paramref name="origin"/> is the caller's (taken when it asked, since a decision may be
/// decided again in another caller's flow) and goes on the decision's events for their audit entries.
/// </summary>
internal sealed class PendingDecision<T>(Func<ResourceBook, Decided<T>> decide, RequestOrigin? origin) : PendingDecision
{
    private readonly TaskCompletionSource<Decided<T>> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Decided<T> Result { get; private set; } = null!;

    public Task<Decided<T>> Answer => _answer.Task;

    public override void Decide(ResourceBook book)
    {
        Result = decide(book);
        Changes = Result.Changes;
        Changes.Stamp(origin);
    }

    public override void Complete() => _answer.TrySetResult(Result);

    public override void Finish(DomainError error) => _answer.TrySetResult(error);

    public override void Fail(Exception exception) => _answer.TrySetException(exception);
}
