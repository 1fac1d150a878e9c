using ResourceReserver.Storage;

namespace ResourceReserver.GrainTests.Fixtures;

/// <summary>What the next matching commit does instead of (or besides) being stored.</summary>
public enum CommitFault
{
    /// <summary>Fails before anything is written, as a lost connection would.</summary>
    FailBeforeCommit,

    /// <summary>Is written and committed, then fails: the answer to COMMIT was lost (a crash between commit and answer).</summary>
    FailAfterCommit,

    /// <summary>Reports a failed fence without writing, as if another activation had written first.</summary>
    FenceFails,
}

/// <summary>Wraps the real resource store and injects faults into chosen commits; counts every commit that reached it.</summary>
public sealed class FaultInjectingResourceStore(IResourceStore inner) : IResourceStore
{
    private readonly object _gate = new();
    private Func<ResourceCommit, bool>? _matches;
    private CommitFault _fault;
    private int _skip;

    /// <summary>Commits that reached the store, in order.</summary>
    public List<ResourceCommit> Commits { get; } = [];

    /// <summary>True while an injected fault has not happened yet.</summary>
    public bool Armed
    {
        get
        {
            lock (_gate)
            {
                return _matches is not null;
            }
        }
    }

    /// <summary>Makes the commit after <paramref name="skip"/> more matching ones fail with <paramref name="fault"/>.</summary>
    public void Inject(Func<ResourceCommit, bool> matches, CommitFault fault, int skip = 0)
    {
        lock (_gate)
        {
            (_matches, _fault, _skip) = (matches, fault, skip);
        }
    }

    public Task<ResourceRecord> LoadAsync(Guid resourceId, CancellationToken cancellationToken = default) => inner.LoadAsync(resourceId, cancellationToken);

    public Task<IReadOnlyList<Guid>> EndedAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        inner.EndedAsync(now, limit, cancellationToken);

    public async Task<bool> CommitAsync(ResourceCommit commit, CancellationToken cancellationToken = default)
    {
        CommitFault? fault = null;
        lock (_gate)
        {
            Commits.Add(commit);
            if (_matches is not null && _matches(commit) && _skip-- <= 0)
            {
                fault = _fault;
                _matches = null;
            }
        }

        switch (fault)
        {
            case CommitFault.FailBeforeCommit:
                throw new IOException("connection lost before commit");
            case CommitFault.FenceFails:
                return false;
            case CommitFault.FailAfterCommit:
                await inner.CommitAsync(commit, cancellationToken);
                throw new IOException("connection lost after commit, before its answer");
            default:
                return await inner.CommitAsync(commit, cancellationToken);
        }
    }
}
