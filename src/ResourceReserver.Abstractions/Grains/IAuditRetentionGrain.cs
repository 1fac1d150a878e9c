namespace ResourceReserver.Grains;

/// <summary>
/// The cluster's one keeper of the audit log's retention: a daily reminder purges the entries older than
/// <c>Audit:RetentionDays</c>. One activation in the cluster, so the purge runs once a day, not once per silo.
/// </summary>
public interface IAuditRetentionGrain : IGrainWithStringKey
{
    /// <summary>The key of the one instance.</summary>
    const string Key = "audit-retention";

    /// <summary>Registers the daily reminder unless it is registered already.</summary>
    Task EnsureScheduledAsync();

    /// <summary>Purges now what is older than the retention; returns how many entries went.</summary>
    Task<int> PurgeNowAsync();
}
