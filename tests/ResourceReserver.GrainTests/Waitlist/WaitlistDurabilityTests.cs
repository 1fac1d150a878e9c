using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;
using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Grains;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Infrastructure.Resources;
using ResourceReserver.Storage;
using ResourceReserver.Infrastructure.Schema;
using ResourceReserver.Infrastructure.Sqlite;
using ResourceReserver.Outbox;
using static ResourceReserver.GrainTests.Fixtures.Arrange;
using static ResourceReserver.GrainTests.Waitlist.WaitlistArrange;

namespace ResourceReserver.GrainTests.Waitlist;

/// <summary>Offer expiry and hold lapse survive a silo restart: the persisted reminders bring the grains back on time.</summary>
public sealed class WaitlistDurabilityTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rr-waitlist-restart", Guid.NewGuid().ToString("N"));
    private InProcessTestCluster _cluster = null!;
    private SqliteStore _store = null!;

    private IGrainFactory Grains => _cluster.Client;

    public async Task InitializeAsync()
    {
        var dataSource = SqliteDataSource.Create(Path.Combine(_directory, "reserver.db"));
        await new MigrationRunner(dataSource, SqlDialect.Sqlite, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        _store = new SqliteStore(dataSource);
        var readStore = new SqlReadStore(dataSource);
        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(_store);
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<IEventSink>(readStore);
            silo.Services.AddSingleton<OutboxRelay>();
            silo.Services.AddSingleton<IResourceStore>(new SqlResourceStore(_store.DataSource, new EventSignal(), TimeProvider.System));
            silo.AddSqliteGrainStorageAsDefault();
            silo.UseSqliteReminderService();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _store.DataSource.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task An_offer_and_a_hold_made_before_a_restart_still_lapse_on_time_after_it()
    {
        var resource = await ResourceAsync(Grains);
        var id = (await resource.GetAsync())!.Id;
        await SetTimingAsync(Grains, id, hold: TimeSpan.FromSeconds(8), offer: TimeSpan.FromSeconds(8));
        var booked = await BookOkAsync(resource, Booking(9, 10));
        var first = await JoinOkAsync(Grains, id, Guid.NewGuid(), 9, 10);
        var second = await JoinOkAsync(Grains, id, Guid.NewGuid(), 9, 10);
        await resource.CancelAsync(booked.Id, Admin, null);
        var offered = await EventuallyAsync(Grains, id, first, WaitlistStatus.Offered);
        var hold = await Grains.GetGrain<IResourceHoldsGrain>(id).PlaceHoldAsync(new HoldRequest(Guid.NewGuid(), Guid.NewGuid(), Tomorrow(11), Tomorrow(12)));
        Assert.True(hold.IsSuccess, hold.Error?.Code);

        await _cluster.RestartSiloAsync(_cluster.Silos[0]);
        await _cluster.InitializeClientAsync();

        // Deadline: the offer's expiry plus a few seconds, far below the one-minute reminder period.
        var deadline = (offered.OfferExpiresAt!.Value - DateTimeOffset.UtcNow).TotalSeconds + 5;
        await EventuallyAsync(Grains, id, second, WaitlistStatus.Offered, seconds: deadline);
        Assert.Equal(WaitlistStatus.Expired, (await EntryAsync(Grains, id, first)).Status);
        var holdLapsed = DateTime.UtcNow.AddSeconds(5);
        while (await Grains.GetGrain<IResourceHoldsGrain>(id).GetHoldAsync(hold.Value!.Id) is not null)
        {
            Assert.True(DateTime.UtcNow < holdLapsed, "the hold did not lapse after the restart");
            await Task.Delay(200);
        }
    }
}
