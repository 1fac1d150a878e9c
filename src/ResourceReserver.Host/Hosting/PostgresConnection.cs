using System.Data.Common;

namespace ResourceReserver.Host.Hosting;

/// <summary>
/// The PostgreSQL connection string every pool of a silo uses: the pool bounded by default; pooled connections
/// not reset on return (Npgsql's default sends DISCARD ALL, one more transaction per use; nothing of this service
/// leaves session state on a pooled connection); and the statements used often prepared once per connection
/// (Npgsql's automatic preparation, which the reset would throw away). An operator's own settings are kept.
/// </summary>
public static class PostgresConnection
{
    private static readonly string[] PoolSizeKeys = ["Maximum Pool Size", "MaxPoolSize"];
    private static readonly string[] ResetKeys = ["No Reset On Close", "NoResetOnClose"];
    private static readonly string[] PrepareKeys = ["Max Auto Prepare", "MaxAutoPrepare"];

    /// <summary>Reads <c>ConnectionStrings:Postgres</c>; throws a clear error when it is missing.</summary>
    public static string From(IConfiguration configuration, StorageOptions storage) =>
        WithoutReset(WithPoolCap(
            configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Storage:Provider=Postgres needs ConnectionStrings:Postgres."),
            storage.PostgresMaxPoolSize));

    /// <summary>
    /// Adds <c>No Reset On Close=true</c> and <c>Max Auto Prepare=64</c>, each unless the operator chose either
    /// way (a reset connection loses its prepared statements, so an explicit reset also keeps preparation off).
    /// </summary>
    public static string WithoutReset(string connectionString)
    {
        var parsed = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (ResetKeys.Any(parsed.ContainsKey))
        {
            return connectionString;
        }

        parsed["No Reset On Close"] = true;
        if (!PrepareKeys.Any(parsed.ContainsKey))
        {
            parsed["Max Auto Prepare"] = 64;
        }

        return parsed.ConnectionString;
    }

    /// <summary>Adds <c>Maximum Pool Size</c> unless the operator set one (either spelling Npgsql accepts).</summary>
    public static string WithPoolCap(string connectionString, int maxPoolSize)
    {
        var parsed = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (PoolSizeKeys.Any(parsed.ContainsKey) || maxPoolSize <= 0)
        {
            return connectionString;
        }

        parsed["Maximum Pool Size"] = maxPoolSize;
        return parsed.ConnectionString;
    }
}
