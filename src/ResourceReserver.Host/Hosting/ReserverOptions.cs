namespace ResourceReserver.Host.Hosting;

/// <summary>Where state lives; chosen by configuration only (<c>Storage:Provider</c>).</summary>
public sealed class StorageOptions
{
    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The SQLite file of the embedded mode.</summary>
    public string SqlitePath { get; set; } = "data/resource-reserver.db";

    /// <summary>
    /// Connections per pool when <c>ConnectionStrings:Postgres</c> names no <c>Maximum Pool Size</c>. A silo has two
    /// pools (grain storage with reminders, and the read store); Npgsql's own default of 100 each lets a few silos
    /// under overload run PostgreSQL out of connections (53300) instead of queueing.
    /// </summary>
    public int PostgresMaxPoolSize { get; set; } = 20;

    /// <summary>True in the production mode.</summary>
    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);
}

/// <summary>How silos find each other (<c>Clustering:*</c>).</summary>
public sealed class ClusteringOptions
{
    /// <summary><c>Localhost</c> (one silo) or <c>Redis</c>.</summary>
    public string Provider { get; set; } = "Localhost";

    public string ClusterId { get; set; } = "resource-reserver";

    /// <summary>Never change it on a live deployment: stored state is keyed by it.</summary>
    public string ServiceId { get; set; } = "resource-reserver";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at; defaults to loopback for a single machine.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>True in the production mode.</summary>
    public bool IsRedis => string.Equals(Provider, "Redis", StringComparison.OrdinalIgnoreCase);
}
