using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.TestingHost;
using ResourceReserver.Infrastructure.Sqlite;

namespace ResourceReserver.InfrastructureTests.Sqlite;

public interface ISqliteProbeGrain : IGrainWithStringKey
{
    /// <summary>Adds one to the stored counter and persists it.</summary>
    Task<int> IncrementAsync();

    /// <summary>The stored counter.</summary>
    Task<int> GetAsync();

    /// <summary>Registers a long-period reminder.</summary>
    Task RegisterReminderAsync(string name);
}

public sealed class SqliteProbeGrain(
    [PersistentState("probe", SqliteClusterTests.StorageName)] IPersistentState<CounterState> state) : Grain, ISqliteProbeGrain, IRemindable
{
    public async Task<int> IncrementAsync()
    {
        state.State.Value++;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> GetAsync() => Task.FromResult(state.State.Value);

    public Task RegisterReminderAsync(string name) =>
        this.RegisterOrUpdateReminder(name, TimeSpan.FromHours(1), TimeSpan.FromDays(40));

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}

public sealed class SqliteClusterTests : IAsyncLifetime
{
    public const string StorageName = "sqlite";

    private SqliteTestDatabase _database = null!;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(_database.Store);
            silo.AddSqliteGrainStorage(StorageName);
            silo.UseSqliteReminderService();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Grain_state_and_reminders_persist_through_the_sqlite_providers()
    {
        var grain = _cluster.Client.GetGrain<ISqliteProbeGrain>("probe-1");
        await grain.IncrementAsync();
        await grain.IncrementAsync();
        await grain.RegisterReminderAsync("maintenance-reset");

        await _cluster.DeactivateAsync(grain);

        Assert.Equal(2, await grain.GetAsync());
        Assert.Equal(1, await _database.ScalarAsync("SELECT COUNT(*) FROM orleans_grain_state WHERE state_name = 'probe'"));
        var table = _cluster.GetSiloServiceProvider(_cluster.Silos[0].SiloAddress).GetRequiredService<IReminderTable>();
        Assert.IsType<SqliteReminderTable>(table);
        var reminder = await table.ReadRow(grain.GetGrainId(), "maintenance-reset");
        Assert.NotNull(reminder);
        Assert.Equal(TimeSpan.FromDays(40), reminder.Period);
    }
}
