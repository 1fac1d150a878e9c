using Npgsql;
using ResourceReserver.Infrastructure.Postgres;

namespace ResourceReserver.InfrastructureTests.Postgres;

/// <summary>
/// A schema of its own in the server named by RR_TEST_POSTGRES, selected through the connection string's
/// Search Path so every test sees its own Orleans tables; dropped on dispose.
/// </summary>
public sealed class PostgresTestSchema : IAsyncDisposable
{
    public const string ConnectionVariable = "RR_TEST_POSTGRES";

    private PostgresTestSchema(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ConnectionVariable} is not set. These tests need a real PostgreSQL 15+: run .ci/run, or start one and set " +
                $"{ConnectionVariable}=\"Host=127.0.0.1;Port=55432;Username=postgres;Database=reserver_test\".");

    public static async Task<PostgresTestSchema> CreateAsync(bool migrate = true)
    {
        var server = ServerConnectionString;
        var name = "rr_test_" + Guid.NewGuid().ToString("N")[..20];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = name }.ConnectionString;
        var schema = new PostgresTestSchema(name, connectionString);
        if (migrate)
        {
            await PostgresDatabase.MigrateAsync(connectionString);
        }

        return schema;
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Name} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
