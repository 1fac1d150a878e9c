using System.Data.Common;

namespace ResourceReserver.Host.Hosting;

/// <summary>The PostgreSQL connection string every pool of a silo uses, with the pool bounded by default.</summary>
public static class PostgresConnection
{
    private static readonly string[] PoolSizeKeys = ["Maximum Pool Size", "MaxPoolSize"];

    /// <summary>Reads <c>ConnectionStrings:Postgres</c>; throws a clear error when it is missing.</summary>
    public static string From(IConfiguration configuration, StorageOptions storage) =>
        WithPoolCap(
            configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Storage:Provider=Postgres needs ConnectionStrings:Postgres."),
            storage.PostgresMaxPoolSize);

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
