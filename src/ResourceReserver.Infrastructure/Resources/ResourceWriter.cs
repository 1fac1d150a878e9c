using System.Data.Common;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Infrastructure.Schema;
using ResourceReserver.Storage;

namespace ResourceReserver.Infrastructure.Resources;

/// <summary>How the silo's resource writer batches (<c>Storage:Writer:*</c>).</summary>
public sealed record ResourceWriterOptions
{
    /// <summary>Transactions in flight at once; commits arriving meanwhile wait for the next free one.</summary>
    public int MaxTransactions { get; init; } = 4;

    /// <summary>Most resource commits one transaction carries.</summary>
    public int MaxCommitsPerTransaction { get; init; } = 256;

    /// <summary>The defaults of a dialect: SQLite writes one transaction at a time anyway.</summary>
    public static ResourceWriterOptions For(SqlDialect dialect) => dialect == SqlDialect.Sqlite ? new() { MaxTransactions = 1 } : new();
}

/// <summary>
/// The silo's one writer of resource commits. Every grain hands it at most one commit at a time (its group
/// commit); the writer puts the commits of many resources into one transaction, each behind its own fence
/// (<c>UPDATE resource_heads ... WHERE version = @expected</c>), in resource order so two silos never deadlock on
/// heads. A failed fence fails only its own resource's commit (false, nothing of it written); any other failure
/// fails the whole transaction and every commit in it. After a commit, this silo's event consumers are woken.
/// </summary>
internal sealed class ResourceWriter(DbDataSource dataSource, EventSignal signal, ResourceWriterOptions options) : IAsyncDisposable
{
    private readonly SqlDialect _dialect = SqlDialects.Of(dataSource);
    private readonly object _gate = new();
    private readonly Queue<PendingCommit> _queue = new();
    private readonly List<Task> _running = [];
    private int _active;

    public Task<bool> CommitAsync(ResourceCommit commit)
    {
        var pending = new PendingCommit(commit);
        lock (_gate)
        {
            _queue.Enqueue(pending);
            if (_active < options.MaxTransactions)
            {
                // Counted down under the same lock when a drainer finds the queue empty, so no commit is ever left behind.
                _active++;
                _running.RemoveAll(t => t.IsCompleted);
                _running.Add(Task.Run(DrainAsync));
            }
        }

        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<PendingCommit> batch;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _active--;
                    return;
                }

                batch = [];
                while (batch.Count < options.MaxCommitsPerTransaction && _queue.TryDequeue(out var next))
                {
                    batch.Add(next);
                }
            }

            try
            {
                var fenced = await WriteAsync(batch.Select(p => p.Commit).ToList());
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(fenced[i]);
                }

                signal.Committed();
            }
            catch (Exception exception)
            {
                batch.ForEach(p => p.Done.TrySetException(exception));
            }
        }
    }

    /// <summary>One transaction for all the commits; answers, per commit, whether its fence held (and it was written).</summary>
    private async Task<bool[]> WriteAsync(IReadOnlyList<ResourceCommit> commits)
    {
        var order = Enumerable.Range(0, commits.Count).OrderBy(i => commits[i].ResourceId).ToList();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var fences = new SqlBatch(transaction);
        foreach (var i in order)
        {
            ResourceRows.Fence(fences, commits[i], _dialect);
        }

        var affected = await fences.ExecuteAsync(CancellationToken.None);
        var held = new bool[commits.Count];
        var writes = new SqlBatch(transaction);
        for (var n = 0; n < order.Count; n++)
        {
            held[order[n]] = affected[n] == 1;
            if (held[order[n]])
            {
                ResourceRows.Write(writes, commits[order[n]], _dialect);
            }
        }

        if (writes.Count > 0)
        {
            ResourceRows.Notify(writes, _dialect);
            await writes.ExecuteAsync(CancellationToken.None);
        }

        await transaction.CommitAsync();
        return held;
    }

    private sealed record PendingCommit(ResourceCommit Commit)
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
