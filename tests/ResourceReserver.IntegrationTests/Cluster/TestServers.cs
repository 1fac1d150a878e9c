using Npgsql;

namespace ResourceReserver.IntegrationTests.Cluster;

/// <summary>The real PostgreSQL and Redis that .ci/run starts on loopback, named by environment variables.</summary>
public static class TestServers
{
    /// <summary>The administrative connection string (RR_TEST_POSTGRES).</summary>
    public static string Postgres => Environment.GetEnvironmentVariable("RR_TEST_POSTGRES")
        ?? throw new InvalidOperationException("RR_TEST_POSTGRES is not set: run the suite through `bash .ci/run`, which starts PostgreSQL and Redis.");

    /// <summary>The Redis endpoint (RR_TEST_REDIS).</summary>
    public static string Redis => Environment.GetEnvironmentVariable("RR_TEST_REDIS")
        ?? throw new InvalidOperationException("RR_TEST_REDIS is not set: run the suite through `bash .ci/run`, which starts PostgreSQL and Redis.");

    /// <summary>Creates an empty database for one test and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "rr_it_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(Postgres))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(Postgres) { Database = name }.ConnectionString;
    }

    /// <summary>Settings for a production-mode silo of the cluster <paramref name="clusterId"/>.</summary>
    public static Dictionary<string, string> ProductionSettings(string database, string clusterId) => new()
    {
        ["Storage__Provider"] = "Postgres",
        ["ConnectionStrings__Postgres"] = database,
        ["Clustering__Provider"] = "Redis",
        ["ConnectionStrings__Redis"] = Redis,
        ["Clustering__ClusterId"] = clusterId,
        ["Clustering__ServiceId"] = clusterId,
    };
}
