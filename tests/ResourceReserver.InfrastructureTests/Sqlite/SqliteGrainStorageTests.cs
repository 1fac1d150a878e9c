using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using ResourceReserver.Infrastructure.Sqlite;

namespace ResourceReserver.InfrastructureTests.Sqlite;

[GenerateSerializer, Alias("tests.sqlite.counter-state")]
public sealed class CounterState
{
    [Id(0)]
    public int Value { get; set; }

    [Id(1)]
    public List<string> Items { get; set; } = [];
}

public sealed class SqliteGrainStorageTests : IAsyncLifetime
{
    private const string StateName = "counter";

    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(CounterState).Assembly))
        .BuildServiceProvider();

    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Read_of_missing_row_leaves_new_state_and_no_etag()
    {
        var state = new GrainState<CounterState>(new CounterState { Value = 99 }) { ETag = "junk", RecordExists = true };

        await Storage().ReadStateAsync(StateName, Grain("missing"), state);

        Assert.Equal(0, state.State!.Value);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task Write_then_read_round_trips_state_and_etag()
    {
        var storage = Storage();
        var written = NewState(7, "a", "b");
        await storage.WriteStateAsync(StateName, Grain("1"), written);

        var read = NewState(0);
        await storage.ReadStateAsync(StateName, Grain("1"), read);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(7, read.State!.Value);
        Assert.Equal(["a", "b"], read.State!.Items);
    }

    [Fact]
    public async Task Rows_are_separated_by_service_state_name_and_grain()
    {
        await Storage("svc-a").WriteStateAsync(StateName, Grain("1"), NewState(1));
        await Storage("svc-a").WriteStateAsync("other", Grain("1"), NewState(2));
        await Storage("svc-b").WriteStateAsync(StateName, Grain("1"), NewState(3));
        await Storage("svc-a").WriteStateAsync(StateName, Grain("2"), NewState(4));

        var read = NewState(0);
        await Storage("svc-a").ReadStateAsync(StateName, Grain("1"), read);
        Assert.Equal(1, read.State!.Value);
        await Storage("svc-b").ReadStateAsync(StateName, Grain("1"), read);
        Assert.Equal(3, read.State!.Value);
        await Storage("svc-a").ReadStateAsync("other", Grain("1"), read);
        Assert.Equal(2, read.State!.Value);
    }

    [Fact]
    public async Task Second_first_write_with_null_etag_throws()
    {
        var storage = Storage();
        var first = NewState(1);
        await storage.WriteStateAsync(StateName, Grain("1"), first);

        var second = NewState(2);
        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Grain("1"), second));

        Assert.Equal(first.ETag, exception.StoredEtag);
        Assert.Null(second.ETag);
        Assert.False(second.RecordExists);
        Assert.Equal(1, await ReadValueAsync(storage, "1"));
    }

    [Fact]
    public async Task Write_with_stale_etag_throws_and_keeps_the_newer_state()
    {
        var storage = Storage();
        var state = NewState(1);
        await storage.WriteStateAsync(StateName, Grain("1"), state);
        var stale = NewState(5);
        stale.ETag = state.ETag;
        state.State!.Value = 2;
        await storage.WriteStateAsync(StateName, Grain("1"), state);

        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Grain("1"), stale));

        Assert.Equal(state.ETag, exception.StoredEtag);
        Assert.Equal(stale.ETag, exception.CurrentEtag);
        Assert.Equal(2, await ReadValueAsync(storage, "1"));
    }

    [Fact]
    public async Task Write_with_etag_for_missing_row_throws()
    {
        var state = NewState(1);
        state.ETag = "41";

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage().WriteStateAsync(StateName, Grain("1"), state));
    }

    [Fact]
    public async Task Concurrent_first_writers_have_exactly_one_winner_per_key()
    {
        const int Writers = 8;
        const int Keys = 50;
        var storage = Storage();
        var attempts = Enumerable.Range(0, Keys)
            .SelectMany(key => Enumerable.Range(0, Writers).Select(writer => (Key: key, Writer: writer)))
            .Select(attempt => Task.Run(async () =>
            {
                try
                {
                    await storage.WriteStateAsync(StateName, Grain($"k{attempt.Key}"), NewState(attempt.Writer));
                    return (attempt.Key, attempt.Writer, Won: true);
                }
                catch (InconsistentStateException)
                {
                    return (attempt.Key, attempt.Writer, Won: false);
                }
            }))
            .ToList();

        var results = await Task.WhenAll(attempts);

        foreach (var group in results.GroupBy(result => result.Key))
        {
            var winner = Assert.Single(group, result => result.Won);
            Assert.Equal(winner.Writer, await ReadValueAsync(storage, $"k{group.Key}"));
        }

        Assert.Equal(Keys, await _database.ScalarAsync("SELECT COUNT(*) FROM orleans_grain_state"));
    }

    [Fact]
    public async Task Clear_then_read_gives_new_state_without_etag()
    {
        var storage = Storage();
        var state = NewState(3, "x");
        await storage.WriteStateAsync(StateName, Grain("1"), state);

        await storage.ClearStateAsync(StateName, Grain("1"), state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(0, state.State!.Value);
        var read = NewState(9);
        await storage.ReadStateAsync(StateName, Grain("1"), read);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal(0, read.State!.Value);
        Assert.Equal(0, await _database.ScalarAsync("SELECT COUNT(*) FROM orleans_grain_state"));
    }

    [Fact]
    public async Task Clear_with_stale_etag_throws_and_keeps_the_row()
    {
        var storage = Storage();
        var state = NewState(1);
        await storage.WriteStateAsync(StateName, Grain("1"), state);
        var stale = NewState(0);
        stale.ETag = state.ETag;
        await storage.WriteStateAsync(StateName, Grain("1"), state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, Grain("1"), stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, Grain("1"), NewState(0)));

        Assert.Equal(1, await ReadValueAsync(storage, "1"));
    }

    [Fact]
    public async Task Etag_from_before_a_clear_never_matches_the_recreated_row()
    {
        var storage = Storage();
        var stale = NewState(1);
        await storage.WriteStateAsync(StateName, Grain("1"), stale);
        var other = NewState(0);
        other.ETag = stale.ETag;
        await storage.ClearStateAsync(StateName, Grain("1"), other);
        await storage.WriteStateAsync(StateName, Grain("1"), NewState(2));

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, Grain("1"), stale));

        Assert.Equal(2, await ReadValueAsync(storage, "1"));
    }

    [Fact]
    public async Task State_survives_reopening_the_file()
    {
        var state = NewState(42, "kept");
        await Storage().WriteStateAsync(StateName, Grain("1"), state);

        await _database.ReopenAsync();
        var read = NewState(0);
        await Storage().ReadStateAsync(StateName, Grain("1"), read);

        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(42, read.State!.Value);
        Assert.Equal(["kept"], read.State!.Items);
        read.State!.Value = 43;
        await Storage().WriteStateAsync(StateName, Grain("1"), read);
    }

    private SqliteGrainStorage Storage(string serviceId = "test-service") => new(
        "test",
        _database.Store,
        Options.Create(new ClusterOptions { ServiceId = serviceId }),
        Services.GetRequiredService<Serializer>(),
        Services.GetRequiredService<IActivatorProvider>());

    private static GrainId Grain(string key) => GrainId.Create("counter", key);

    private static GrainState<CounterState> NewState(int value, params string[] items) =>
        new(new CounterState { Value = value, Items = [.. items] });

    private static async Task<int> ReadValueAsync(SqliteGrainStorage storage, string key)
    {
        var state = NewState(-1);
        await storage.ReadStateAsync(StateName, Grain(key), state);
        return state.State!.Value;
    }
}
