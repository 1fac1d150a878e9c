using Npgsql;

namespace ResourceReserver.InfrastructureTests.Postgres;

/// <summary>Contract 4.1: concurrent first writes of one identity must leave one row and one winner.</summary>
public sealed class PostgresFirstWriteRaceTests
{
    private const int Writers = 8;

    [Fact]
    public async Task Concurrent_first_writes_have_exactly_one_winner_and_no_duplicate_rows()
    {
        await using var schema = await PostgresTestSchema.CreateAsync();
        var writeQuery = await schema.ScalarAsync<string>("SELECT querytext FROM orleansquery WHERE querykey = 'WriteToStorageKey'");
        Assert.NotNull(writeQuery);
        var identities = Identities().ToList();

        foreach (var identity in identities)
        {
            var winners = await RaceAsync(schema, writeQuery, identity, version: null);
            Assert.Equal([1], winners);
        }

        Assert.Equal(identities.Count, await schema.ScalarAsync<long>("SELECT count(*) FROM orleansstorage"));
        Assert.Equal(identities.Count, await schema.ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT DISTINCT serviceid, graintypehash, graintypestring, grainidhash, grainidn0, " +
            "grainidn1, grainidextensionstring FROM orleansstorage) AS identities"));
    }

    [Fact]
    public async Task Concurrent_versioned_writes_have_exactly_one_winner()
    {
        await using var schema = await PostgresTestSchema.CreateAsync();
        var writeQuery = await schema.ScalarAsync<string>("SELECT querytext FROM orleansquery WHERE querykey = 'WriteToStorageKey'");
        Assert.NotNull(writeQuery);
        var identity = Identities().First();
        Assert.Equal([1], await RaceAsync(schema, writeQuery, identity, version: null));

        Assert.Equal([2], await RaceAsync(schema, writeQuery, identity, version: 1));
        Assert.Empty(await RaceAsync(schema, writeQuery, identity, version: 1));
        Assert.Equal(2, await schema.ScalarAsync<int>("SELECT version FROM orleansstorage"));
    }

    private static IEnumerable<StorageIdentity> Identities()
    {
        const string service = "race-service";
        for (var i = 0; i < 20; i++)
        {
            yield return new StorageIdentity(service, 1001, "state", 5000 + i, 0, i, null);
            yield return new StorageIdentity(service, 1001, "state", 6000 + i, 0, 0, $"res-{i}");
        }

        // String key "foo" and integer key 0 with extension "foo" differ only in GrainIdHash (contract 2.2).
        yield return new StorageIdentity(service, 1001, "state", 777, 0, 0, "foo");
        yield return new StorageIdentity(service, 1001, "state", 778, 0, 0, "foo");
        // A long extension must stay under the B-tree entry limit.
        yield return new StorageIdentity(service, 1001, "state", 779, 0, 0, "res-" + new string('x', 10_000));
    }

    /// <summary>Starts all writers on open connections at once; returns the new versions the winners got.</summary>
    private static async Task<List<int>> RaceAsync(PostgresTestSchema schema, string query, StorageIdentity identity, int? version)
    {
        var connections = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < Writers; i++)
            {
                var connection = new NpgsqlConnection(schema.ConnectionString);
                await connection.OpenAsync();
                connections.Add(connection);
            }

            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writes = connections.Select(async (connection, writer) =>
            {
                await using var command = StorageQueryCall.Create(connection, query, identity, version, [(byte)writer, 1, 2, 3]);
                await start.Task;
                return await StorageQueryCall.ReadFirstColumnsAsync(command);
            }).ToList();
            start.SetResult();

            var results = await Task.WhenAll(writes);
            return results.SelectMany(rows => rows).Select(Convert.ToInt32).ToList();
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
