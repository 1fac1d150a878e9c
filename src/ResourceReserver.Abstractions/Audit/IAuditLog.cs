namespace ResourceReserver.Audit;

/// <summary>
/// The audit log's own writes: security events that change nothing else (a failed sign-in for an unknown name, a
/// refused request, an export) and the retention purge. Entries for changes are written with the change instead.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends <paramref name="entry"/> (idempotent by its id).</summary>
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Deletes the entries older than <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
