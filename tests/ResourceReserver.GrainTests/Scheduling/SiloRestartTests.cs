using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;
using ResourceReserver.Accounts;
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

namespace ResourceReserver.GrainTests.Scheduling;

/// <summary>Reminders outlive the silo: a whole test cluster is stopped and a new one started on the same storage.</summary>
public sealed class SiloRestartTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rr-restart-tests", Guid.NewGuid().ToString("N"));
    private readonly string _serviceId = "restart-" + Guid.NewGuid().ToString("N")[..8];
    private SqliteStore _store = null!;
    private SqlReadStore _readStore = null!;

    public async Task InitializeAsync()
    {
        var dataSource = SqliteDataSource.Create(Path.Combine(_directory, "reserver.db"));
        await new MigrationRunner(dataSource, SqlDialect.Sqlite, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        _store = new SqliteStore(dataSource);
        _readStore = new SqlReadStore(dataSource);
    }

    public async Task DisposeAsync()
    {
        await _store.DataSource.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Maintenance_resets_by_itself_after_a_silo_restart_and_ended_bookings_complete()
    {
        Guid resourceId;
        Guid ending;
        var before = await StartClusterAsync();
        try
        {
            var grain = await ResourceAsync(before.Client);
            resourceId = grain.GetPrimaryKey();
            var quick = BookingRules.Default with { MinDuration = TimeSpan.FromSeconds(30) };
            Assert.True((await grain.UpdateAsync(new ResourcePatch { Rules = quick }, Admin)).IsSuccess);
            var now = DateTimeOffset.UtcNow;
            ending = (await BookOkAsync(grain, new BookingRequest { ReservationId = Guid.NewGuid(), UserId = Guid.NewGuid(), Start = now.AddSeconds(2), End = now.AddSeconds(40) })).Id;

            var maintenance = await grain.SetStatusAsync(ResourceStatus.Maintenance, TimeSpan.FromMinutes(1), Admin);
            Assert.True(maintenance.IsSuccess, maintenance.Error?.Code);
            Assert.Equal("resource_unavailable", (await grain.BookAsync(Booking(9, 10))).Error?.Code);
            Assert.Equal(new AvailabilitySummary(1, 0, 0, 1), await _readStore.GetAvailabilitySummaryAsync(DateTimeOffset.UtcNow));
        }
        finally
        {
            await before.DisposeAsync();
        }

        // Nobody touches the resource after the restart: only the persisted reminder can bring it back.
        var after = await StartClusterAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (DateTime.UtcNow < deadline && (await _readStore.GetAvailabilitySummaryAsync(DateTimeOffset.UtcNow)).Unavailable > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }

            var grain = after.Client.GetGrain<IResourceGrain>(resourceId);
            Assert.Equal(ResourceStatus.Available, (await grain.GetAsync())!.Status);
            await BookOkAsync(grain, Booking(9, 10));

            Assert.True(await grain.CompleteEndedAsync() >= 1);
            Assert.Null(await grain.GetReservationAsync(ending));
            Assert.Equal(ReservationStatus.Completed, (await _readStore.GetReservationAsync(ending))!.Status);
        }
        finally
        {
            await after.DisposeAsync();
        }
    }

    private async Task<InProcessTestCluster> StartClusterAsync()
    {
        var builder = new InProcessTestClusterBuilder();
        builder.Options.ServiceId = _serviceId;
        builder.Options.ClusterId = _serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(_store);
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<IEventSink>(_readStore);
            silo.Services.AddSingleton<OutboxRelay>();
            silo.Services.AddSingleton<IResourceStore>(new SqlResourceStore(_store.DataSource, new EventSignal(), TimeProvider.System));
            silo.Services.AddOptions<PasswordHashingOptions>().Configure(o => o.WorkFactor = 4);
            silo.AddSqliteGrainStorageAsDefault();
            silo.UseSqliteReminderService();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
