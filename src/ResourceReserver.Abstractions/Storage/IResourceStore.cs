namespace ResourceReserver.Storage;

/// <summary>
/// Where resources live: ordinary tables in the one database, shared with the event log and the read model, so
/// one local transaction carries a whole batch of decisions.
/// </summary>
public interface IResourceStore
{
    /// <summary>The resource's head and the rows its grain holds; <see cref="ResourceRecord.Empty"/> if never written.</summary>
    Task<ResourceRecord> LoadAsync(Guid resourceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the batch in one transaction: the fence, rows, answers, events and read-model rows, all or nothing.
    /// False when the fence failed (the stored version is not <see cref="ResourceCommit.ExpectedVersion"/>: another
    /// activation wrote first); nothing was written then. Throws on any other failure, also with nothing written,
    /// unless the failure hid a commit that did happen (a lost answer to COMMIT): the caller re-reads either way.
    /// </summary>
    Task<bool> CommitAsync(ResourceCommit commit, CancellationToken cancellationToken = default);

    /// <summary>Resources holding a reservation that ended at or before <paramref name="now"/> (at most <paramref name="limit"/>).</summary>
    Task<IReadOnlyList<Guid>> EndedAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);
}
