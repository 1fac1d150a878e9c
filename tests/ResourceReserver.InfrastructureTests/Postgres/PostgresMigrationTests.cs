using Npgsql;
using ResourceReserver.Infrastructure.Postgres;
using ResourceReserver.Infrastructure.Schema;

namespace ResourceReserver.InfrastructureTests.Postgres;

public sealed class PostgresMigrationTests
{
    private static readonly string[] RequiredQueryKeys =
    [
        "ClearStorageKey", "DeleteReminderRowKey", "DeleteReminderRowsKey", "DeleteStorageKey", "ReadFromStorageKey",
        "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey", "ReadReminderRowsKey", "UpsertReminderRowKey",
        "WriteToStorageKey",
    ];

    [Fact]
    public async Task Migrations_apply_twice_and_record_each_version_once()
    {
        await using var schema = await PostgresTestSchema.CreateAsync(migrate: false);

        await PostgresDatabase.MigrateAsync(schema.ConnectionString);
        await PostgresDatabase.MigrateAsync(schema.ConnectionString);

        var versions = MigrationRunner.LoadMigrations(SqlDialect.Postgres).Select(m => m.Version).ToList();
        Assert.Contains("V001__orleans", versions);
        Assert.Equal(versions.Count, await schema.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(versions.Count, await schema.ScalarAsync<long>("SELECT count(DISTINCT version) FROM schema_migrations"));
        Assert.Equal(RequiredQueryKeys, await QueryKeysAsync(schema));
    }

    [Fact]
    public async Task Orleans_script_rerun_is_idempotent_and_restores_query_texts()
    {
        await using var schema = await PostgresTestSchema.CreateAsync();
        var original = await schema.ScalarAsync<string>("SELECT querytext FROM orleansquery WHERE querykey = 'WriteToStorageKey'");
        await schema.ExecuteAsync("UPDATE orleansquery SET querytext = 'SELECT 1' WHERE querykey = 'WriteToStorageKey'");

        var script = MigrationRunner.LoadMigrations(SqlDialect.Postgres).Single(m => m.Version == "V001__orleans").Sql;
        await schema.ExecuteAsync(script);

        Assert.Equal(original, await schema.ScalarAsync<string>("SELECT querytext FROM orleansquery WHERE querykey = 'WriteToStorageKey'"));
        Assert.Equal(RequiredQueryKeys, await QueryKeysAsync(schema));
    }

    [Fact]
    public async Task Tables_use_the_types_the_providers_need()
    {
        await using var schema = await PostgresTestSchema.CreateAsync();

        Assert.Equal("bigint", await ColumnTypeAsync(schema, "orleansreminders", "period"));
        Assert.Equal("timestamp with time zone", await ColumnTypeAsync(schema, "orleansreminders", "starttime"));
        Assert.Equal("text", await ColumnTypeAsync(schema, "orleansreminders", "grainid"));
        Assert.Equal("bytea", await ColumnTypeAsync(schema, "orleansstorage", "payloadbinary"));
        Assert.Equal("integer", await ColumnTypeAsync(schema, "orleansstorage", "version"));
    }

    private static async Task<string[]> QueryKeysAsync(PostgresTestSchema schema)
    {
        await using var connection = new NpgsqlConnection(schema.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT querykey FROM orleansquery ORDER BY querykey COLLATE \"C\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return [.. keys];
    }

    private static Task<string?> ColumnTypeAsync(PostgresTestSchema schema, string table, string column) =>
        schema.ScalarAsync<string>(
            $"SELECT data_type FROM information_schema.columns WHERE table_schema = '{schema.Name}' " +
            $"AND table_name = '{table}' AND column_name = '{column}'");
}
