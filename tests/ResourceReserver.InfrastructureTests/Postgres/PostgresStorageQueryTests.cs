using Npgsql;

namespace ResourceReserver.InfrastructureTests.Postgres;

/// <summary>The storage query texts called directly, for the branches a grain rarely reaches (contract 2.3, 2.4).</summary>
public sealed class PostgresStorageQueryTests : IAsyncLifetime
{
    private static readonly StorageIdentity Identity = new("query-service", 42, "probe", 4242, 0, 7, null);

    private PostgresTestSchema _schema = null!;

    public async Task InitializeAsync() => _schema = await PostgresTestSchema.CreateAsync();

    public async Task DisposeAsync() => await _schema.DisposeAsync();

    [Fact]
    public async Task Read_returns_payload_and_version_by_name()
    {
        await RunAsync("WriteToStorageKey", version: null, payload: [1, 2, 3]);

        await using var connection = await OpenAsync();
        await using var command = StorageQueryCall.Create(connection, await QueryAsync("ReadFromStorageKey"), Identity, null, null);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(new byte[] { 1, 2, 3 }, reader["PayloadBinary"]);
        Assert.Equal(1, reader["Version"]);
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task Clear_and_delete_need_the_current_version()
    {
        await RunAsync("WriteToStorageKey", version: null, payload: [1]);

        Assert.Empty(await RunAsync("ClearStorageKey", version: 5));
        Assert.Equal([2], await RunAsync("ClearStorageKey", version: 1));
        Assert.Empty(await RunAsync("DeleteStorageKey", version: 1));
        Assert.Equal([3], await RunAsync("DeleteStorageKey", version: 2));
        Assert.Equal(0L, await _schema.ScalarAsync<long>("SELECT count(*) FROM orleansstorage"));
        Assert.Equal([1], await RunAsync("WriteToStorageKey", version: null, payload: [9]));
    }

    [Fact]
    public async Task Versions_wrap_instead_of_overflowing_int32()
    {
        await RunAsync("WriteToStorageKey", version: null, payload: [1]);
        await _schema.ExecuteAsync($"UPDATE orleansstorage SET version = {int.MaxValue}");

        Assert.Equal([1], await RunAsync("WriteToStorageKey", version: int.MaxValue, payload: [2]));
    }

    private async Task<List<int>> RunAsync(string key, int? version, byte[]? payload = null)
    {
        await using var connection = await OpenAsync();
        await using var command = StorageQueryCall.Create(connection, await QueryAsync(key), Identity, version, payload);
        return [.. (await StorageQueryCall.ReadFirstColumnsAsync(command)).Select(Convert.ToInt32)];
    }

    private async Task<string> QueryAsync(string key) =>
        await _schema.ScalarAsync<string>($"SELECT querytext FROM orleansquery WHERE querykey = '{key}'")
            ?? throw new InvalidOperationException($"Missing query {key}");

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_schema.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
