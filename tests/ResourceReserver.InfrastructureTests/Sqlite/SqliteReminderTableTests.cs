using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using ResourceReserver.Infrastructure.Sqlite;

namespace ResourceReserver.InfrastructureTests.Sqlite;

public sealed class SqliteReminderTableTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Start_succeeds_on_a_migrated_database()
    {
        await Table().StartAsync();
    }

    [Fact]
    public async Task Upsert_read_and_remove_respect_the_etag()
    {
        var table = Table();
        var grain = Grain("resource-1");
        var firstETag = await table.UpsertRow(Entry(grain, "expire", TimeSpan.FromMinutes(5)));
        var secondETag = await table.UpsertRow(Entry(grain, "expire", TimeSpan.FromMinutes(10)));

        var row = await table.ReadRow(grain, "expire");
        Assert.NotNull(row);
        Assert.NotEqual(firstETag, secondETag);
        Assert.Equal(secondETag, row.ETag);
        Assert.Equal(TimeSpan.FromMinutes(10), row.Period);
        Assert.Equal(grain, row.GrainId);

        Assert.False(await table.RemoveRow(grain, "expire", firstETag!));
        Assert.False(await table.RemoveRow(grain, "expire", "not-a-version"));
        Assert.False(await table.RemoveRow(grain, "other", secondETag!));
        Assert.NotNull(await table.ReadRow(grain, "expire"));

        Assert.True(await table.RemoveRow(grain, "expire", secondETag!));
        Assert.Null(await table.ReadRow(grain, "expire"));
        Assert.False(await table.RemoveRow(grain, "expire", secondETag!));
    }

    [Fact]
    public async Task Etag_from_before_a_removal_does_not_remove_the_recreated_reminder()
    {
        var table = Table();
        var grain = Grain("resource-1");
        var oldETag = await table.UpsertRow(Entry(grain, "r", TimeSpan.FromMinutes(1)));
        Assert.True(await table.RemoveRow(grain, "r", oldETag!));
        await table.UpsertRow(Entry(grain, "r", TimeSpan.FromMinutes(1)));

        Assert.False(await table.RemoveRow(grain, "r", oldETag!));
    }

    [Fact]
    public async Task Read_by_grain_matches_the_grain_id_exactly()
    {
        var table = Table();
        var unicode = Grain("Ünïcödé key/with slash+%");
        await table.UpsertRow(Entry(unicode, "a", TimeSpan.FromMinutes(1)));
        await table.UpsertRow(Entry(unicode, "b", TimeSpan.FromMinutes(1)));
        await table.UpsertRow(Entry(Grain("key"), "a", TimeSpan.FromMinutes(1)));
        await table.UpsertRow(Entry(Grain("KEY"), "a", TimeSpan.FromMinutes(1)));
        await Table("other-service").UpsertRow(Entry(unicode, "c", TimeSpan.FromMinutes(1)));

        var rows = (await table.ReadRows(unicode)).Reminders;

        Assert.Equal(["a", "b"], rows.Select(row => row.ReminderName).Order());
        Assert.All(rows, row => Assert.Equal(unicode, row.GrainId));
        Assert.Single((await table.ReadRows(Grain("key"))).Reminders);
    }

    [Fact]
    public async Task Range_reads_follow_the_ring_including_wrap_around()
    {
        var table = Table();
        var grains = Enumerable.Range(0, 40).Select(i => Grain($"resource-{i}")).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "r", TimeSpan.FromMinutes(1)));
        }

        var hashes = grains.Select(grain => grain.GetUniformHashCode()).Order().ToList();
        (uint Begin, uint End)[] ranges =
        [
            (hashes[5], hashes[20]),
            (hashes[5] - 1, hashes[5]),
            (hashes[30], hashes[3]),
            (hashes[10], hashes[10]),
            (0, uint.MaxValue),
            (uint.MaxValue, 0),
            (uint.MaxValue, hashes[7]),
            (hashes[35], uint.MaxValue),
        ];

        foreach (var (begin, end) in ranges)
        {
            var expected = grains
                .Where(grain => InRange(grain.GetUniformHashCode(), begin, end))
                .Select(grain => grain.ToString())
                .Order(StringComparer.Ordinal);
            var actual = (await table.ReadRows(begin, end)).Reminders
                .Select(row => row.GrainId.ToString())
                .Order(StringComparer.Ordinal);
            Assert.Equal(expected, actual);
        }

        Assert.Equal(20 - 5, (await table.ReadRows(hashes[5], hashes[20])).Reminders.Count);
        Assert.Equal(40 - 31 + 4, (await table.ReadRows(hashes[30], hashes[3])).Reminders.Count);
        Assert.Equal(40, (await table.ReadRows(hashes[10], hashes[10])).Reminders.Count);
        Assert.Empty((await Table("other-service").ReadRows(0, uint.MaxValue)).Reminders);
    }

    [Fact]
    public async Task Forty_day_period_and_utc_start_round_trip()
    {
        var table = Table();
        var grain = Grain("resource-1");
        var start = new DateTime(2026, 3, 29, 1, 30, 15, 123, DateTimeKind.Utc);
        var period = TimeSpan.FromDays(40);
        await table.UpsertRow(Entry(grain, "maintenance", period, start));

        await _database.ReopenAsync();
        var row = await Table().ReadRow(grain, "maintenance");

        Assert.NotNull(row);
        Assert.Equal(period, row.Period);
        Assert.Equal(start, row.StartAt);
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
    }

    [Fact]
    public async Task Local_start_time_is_stored_as_the_same_instant()
    {
        var table = Table();
        var grain = Grain("resource-1");
        var start = new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc);
        await table.UpsertRow(Entry(grain, "r", TimeSpan.FromMinutes(1), start.ToLocalTime()));

        var row = await table.ReadRow(grain, "r");

        Assert.Equal(start, row!.StartAt);
    }

    [Fact]
    public async Task Test_only_clear_removes_only_this_service()
    {
        await Table().UpsertRow(Entry(Grain("a"), "r", TimeSpan.FromMinutes(1)));
        await Table("other-service").UpsertRow(Entry(Grain("a"), "r", TimeSpan.FromMinutes(1)));

        await Table().TestOnlyClearTable();

        Assert.Empty((await Table().ReadRows(Grain("a"))).Reminders);
        Assert.Single((await Table("other-service").ReadRows(Grain("a"))).Reminders);
    }

    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private SqliteReminderTable Table(string serviceId = "test-service") =>
        new(_database.Store, Options.Create(new ClusterOptions { ServiceId = serviceId }));

    private static GrainId Grain(string key) => GrainId.Create("resource", key);

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan period, DateTime? start = null) => new()
    {
        GrainId = grain,
        ReminderName = name,
        Period = period,
        StartAt = start ?? new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };
}
