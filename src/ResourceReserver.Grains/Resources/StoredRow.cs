using Orleans.Storage;
using ResourceReserver.Events;
using ResourceReserver.Outbox;

namespace ResourceReserver.Resources;

/// <summary>One stored row of a resource (the header or a segment) with the version it was read or written at.</summary>
internal sealed class StoredRow<T>(string name, T state)
    where T : IHasOutbox, new()
{
    public string Name => name;

    public T State { get; } = state;

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
    /// <summary>The events persisted by this write; delivered only after it returned.</summary>
    public abstract IReadOnlyList<DomainEvent> Events { get; }

    public abstract Task WriteAsync(IGrainStorage storage, GrainId grainId);

    /// <summary>Drops delivered events from the live row; the next write of the row persists the shorter outbox.</summary>
    public abstract void ForgetDelivered(IReadOnlySet<Guid> delivered);
}

/// <inheritdoc />
internal sealed class RowWrite<T>(StoredRow<T> row, T snapshot) : RowWrite
    where T : IHasOutbox, new()
{
    public override IReadOnlyList<DomainEvent> Events => snapshot.Outbox;

    public override async Task WriteAsync(IGrainStorage storage, GrainId grainId)
    {
        var state = new GrainState<T> { State = snapshot, ETag = row.ETag, RecordExists = row.RecordExists };
        await storage.WriteStateAsync(row.Name, grainId, state);
        row.ETag = state.ETag;
        row.RecordExists = true;
    }

    public override void ForgetDelivered(IReadOnlySet<Guid> delivered) => row.State.Outbox.RemoveAll(e => delivered.Contains(e.Id));
}
