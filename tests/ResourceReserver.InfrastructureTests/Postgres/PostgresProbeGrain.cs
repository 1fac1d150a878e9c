using Orleans;
using Orleans.Runtime;

namespace ResourceReserver.InfrastructureTests.Postgres;

[GenerateSerializer, Alias("tests.postgres.probe-state")]
public sealed class ProbeState
{
    [Id(0)]
    public int Value { get; set; }

    [Id(1)]
    public List<string> Items { get; set; } = [];
}

[GenerateSerializer, Immutable, Alias("tests.postgres.probe-snapshot")]
public sealed record ProbeSnapshot(
    [property: Id(0)] int Value,
    [property: Id(1)] string[] Items,
    [property: Id(2)] string? ETag,
    [property: Id(3)] bool RecordExists);

[Alias("tests.postgres.probe")]
public interface IPostgresProbeGrain : IGrainWithStringKey
{
    Task<int> AddAsync(string item);

    Task<ProbeSnapshot> GetAsync();

    Task ClearAsync();

    Task RegisterReminderAsync(string reminderName, TimeSpan period);
}

/// <summary>A persistent grain for the provider tests: a counter plus a list, in state named "probe".</summary>
public sealed class PostgresProbeGrain([PersistentState("probe")] IPersistentState<ProbeState> state)
    : Grain, IPostgresProbeGrain, IRemindable
{
    public async Task<int> AddAsync(string item)
    {
        state.State.Value++;
        state.State.Items.Add(item);
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<ProbeSnapshot> GetAsync() =>
        Task.FromResult(new ProbeSnapshot(state.State.Value, [.. state.State.Items], state.Etag, state.RecordExists));

    public Task ClearAsync() => state.ClearStateAsync();

    public Task RegisterReminderAsync(string reminderName, TimeSpan period) =>
        this.RegisterOrUpdateReminder(reminderName, period, period);

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}

[Alias("tests.postgres.ping")]
public interface IPingGrain : IGrainWithIntegerKey
{
    Task<string> PingAsync(string message);
}

/// <summary>A stateless grain for the clustering smoke test.</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    public Task<string> PingAsync(string message) => Task.FromResult($"{message} from {this.GetPrimaryKeyLong()}");
}
