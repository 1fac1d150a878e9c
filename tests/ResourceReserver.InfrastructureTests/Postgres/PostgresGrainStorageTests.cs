using Orleans.Storage;

namespace ResourceReserver.InfrastructureTests.Postgres;

public sealed class PostgresGrainStorageTests
{
    [Fact]
    public async Task State_round_trips_and_survives_a_cluster_restart_with_the_same_service_id()
    {
        await using var schema = await PostgresTestSchema.CreateAsync();
        var serviceId = "rr-test-" + Guid.NewGuid().ToString("N");

        await using (var cluster = await PostgresTestCluster.StartAsync(schema, serviceId))
        {
            var grain = cluster.Client.GetGrain<IPostgresProbeGrain>("probe-restart");
            Assert.Equal(1, await grain.AddAsync("first"));
            Assert.Equal(2, await grain.AddAsync("second"));
            await cluster.StopAllSilosAsync();
        }

        await using (var cluster = await PostgresTestCluster.StartAsync(schema, serviceId))
        {
            var snapshot = await cluster.Client.GetGrain<IPostgresProbeGrain>("probe-restart").GetAsync();
            Assert.Equal(2, snapshot.Value);
            Assert.Equal(["first", "second"], snapshot.Items);
            Assert.Equal("2", snapshot.ETag);
            Assert.True(snapshot.RecordExists);
        }

        Assert.Equal(1L, await schema.ScalarAsync<long>("SELECT count(*) FROM orleansstorage"));
        Assert.Equal(serviceId, await schema.ScalarAsync<string>("SELECT serviceid FROM orleansstorage"));
        Assert.Equal("probe", await schema.ScalarAsync<string>("SELECT graintypestring FROM orleansstorage"));
        // Orleans binary, not the default Newtonsoft JSON.
        var payload = await schema.ScalarAsync<byte[]>("SELECT payloadbinary FROM orleansstorage");
        Assert.NotNull(payload);
        Assert.NotEqual((byte)'{', payload[0]);
    }

    [Fact]
    public async Task A_stale_etag_surfaces_as_inconsistent_state()
    {
        await using var schema = await PostgresTestSchema.CreateAsync();
        await using var cluster = await PostgresTestCluster.StartAsync(schema);
        var grain = cluster.Client.GetGrain<IPostgresProbeGrain>("probe-conflict");
        await grain.AddAsync("mine");

        // Another activation (or silo) wrote in between.
        Assert.Equal(1, await schema.ExecuteAsync("UPDATE orleansstorage SET version = version + 1"));

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.AddAsync("lost"));
        Assert.Equal(2, await schema.ScalarAsync<int>("SELECT version FROM orleansstorage"));
    }

    [Fact]
    public async Task Clear_keeps_the_row_with_a_null_payload_and_a_new_version()
    {
        await using var schema = await PostgresTestSchema.CreateAsync();
        await using var cluster = await PostgresTestCluster.StartAsync(schema);
        var grain = cluster.Client.GetGrain<IPostgresProbeGrain>("probe-clear");
        await grain.AddAsync("gone soon");

        await grain.ClearAsync();

        var snapshot = await grain.GetAsync();
        Assert.Equal("2", snapshot.ETag);
        Assert.False(snapshot.RecordExists);
        Assert.Equal(1L, await schema.ScalarAsync<long>("SELECT count(*) FROM orleansstorage WHERE payloadbinary IS NULL AND version = 2"));
        // The cleared state starts afresh; the row is reused with the next version.
        Assert.Equal(1, await grain.AddAsync("back"));
        Assert.Equal(3, await schema.ScalarAsync<int>("SELECT version FROM orleansstorage"));
    }

    [Fact]
    public async Task Hex_looking_and_plain_string_keys_get_rows_of_their_own()
    {
        await using var schema = await PostgresTestSchema.CreateAsync();
        await using var cluster = await PostgresTestCluster.StartAsync(schema);

        await cluster.Client.GetGrain<IPostgresProbeGrain>("res-abc").AddAsync("string key");
        await cluster.Client.GetGrain<IPostgresProbeGrain>("abc").AddAsync("hex key");
        await cluster.Client.GetGrain<IPostgresProbeGrain>("ABC").AddAsync("same hex value");

        // Contract 4.3: "abc" and "ABC" are both the integer key 2748, so they share a row.
        Assert.Equal(2L, await schema.ScalarAsync<long>("SELECT count(*) FROM orleansstorage"));
        Assert.Equal(1L, await schema.ScalarAsync<long>("SELECT count(*) FROM orleansstorage WHERE grainidn1 = 2748 AND version = 2"));
        Assert.Equal(1L, await schema.ScalarAsync<long>("SELECT count(*) FROM orleansstorage WHERE grainidextensionstring = 'res-abc'"));
    }
}
