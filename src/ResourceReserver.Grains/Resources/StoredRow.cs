using Orleans.Storage;
using ResourceReserver.Events;
using ResourceReserver.Outbox;

namespace ResourceReserver.Resources;

/// <summary>One stored row of a resource (the index or a segment) with the version it was read or written at.</summary>
internal sealed class StoredRow<T>(string name, T state)
    where T : class, new()
{
    public string Name => name;

    /// <summary>The live state: decisions change it in memory before it is written.</summary>
    public T State { get; } = state;

    /// <summary>What storage holds as far as this activation knows: the state last read or written.</summary>
    public T? Persisted { get; set; }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    public static async Task<StoredRow<T>> ReadAsync(IGrainStorage storage, string name, GrainId grainId)
    {
        var stored = new GrainState<T>();
        await storage.ReadStateAsync(name, grainId, stored);
        return new StoredRow<T>(name, stored.State ?? new T()) { ETag = stored.ETag, RecordExists = stored.RecordExists };
    }
}

/// <summary>A snapshot of one row taken when a batch is flushed: later decisions never leak into the write.</summary>
internal abstract class RowWrite
{
    /// <summary>The row's name, for logs and tests.</summary>
    public abstract string Name { get; }

    /// <summary>The events persisted by this write; delivered only after it returned.</summary>
    public abstract IReadOnlyList<DomainEvent> Events { get; }

    public abstract Task WriteAsync(IGrainStorage storage, GrainId grainId);

    /// <summary>Drops delivered events from the live row; the next write of the row persists the shorter outbox.</summary>
    public abstract void ForgetDelivered(IReadOnlySet<Guid> delivered);
}

/// <inheritdoc />
internal sealed class RowWrite<T>(StoredRow<T> row, T snapshot) : RowWrite
    where T : class, new()
{
    public override string Name => row.Name;

    public override IReadOnlyList<DomainEvent> Events => snapshot is IHasOutbox outbox ? outbox.Outbox : [];

    public override async Task WriteAsync(IGrainStorage storage, GrainId grainId)
    {
        var state = new GrainState<T> { State = snapshot, ETag = row.ETag, RecordExists = row.RecordExists };
        await storage.WriteStateAsync(row.Name, grainId, state);
        row.ETag = state.ETag;
        row.RecordExists = true;
        row.Persisted = snapshot;
    }

    public override void ForgetDelivered(IReadOnlySet<Guid> delivered)
    {
        if (row.State is IHasOutbox outbox)
        {
            outbox.Outbox.RemoveAll(e => delivered.Contains(e.Id));
        }
    }
}

/// <summary>
/// What one flush writes, in order: the fence (the open segment, holding every decision of the batch), then the
/// index and tidied sealed segments, which carry no decision and are written only once the fence held.
/// </summary>
internal sealed record FlushPlan(RowWrite? Fence, IReadOnlyList<RowWrite> Followers)
{
    public bool IsEmpty => Fence is null && Followers.Count == 0;
}
