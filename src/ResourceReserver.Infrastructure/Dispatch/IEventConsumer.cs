namespace ResourceReserver.Infrastructure.Dispatch;

/// <summary>
/// Something that reacts to the event log after commit, in batches. A durable consumer keeps a persisted cursor
/// and does its work inside the pass's transaction (which also moves its cursor), so a batch is handled whole or
/// not at all; one silo at a time runs the durable consumers, and a retried batch must change nothing twice
/// (unique keys in the database). Work outside the database (a push) goes to <see cref="EventBatch.AfterCommit"/>.
/// </summary>
public interface IEventConsumer
{
    /// <summary>The cursor's name; never change it on a live deployment.</summary>
    string Name { get; }

    /// <summary>
    /// True for a consumer that serves only this silo (its in-process subscribers): every silo runs it from the end
    /// of the log at start-up with a cursor in memory, so every silo sees every event committed after it started.
    /// </summary>
    bool IsLocal => false;

    /// <summary>
    /// True for a durable consumer that has no use for events from before it first ran (a live push): its cursor
    /// starts at the end of the log rather than at its beginning.
    /// </summary>
    bool SkipsHistory => false;

    /// <summary>Reacts to a batch of events in log order; throwing rolls the batch back and retries it later.</summary>
    Task HandleAsync(EventBatch batch, CancellationToken ct);
}
