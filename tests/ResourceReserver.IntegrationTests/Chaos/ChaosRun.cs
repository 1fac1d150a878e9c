using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ResourceReserver.IntegrationTests.Cluster;

namespace ResourceReserver.IntegrationTests.Chaos;

/// <summary>Sets up users and resources on a <see cref="ChaosCluster"/>, drives the clients while faults run, then checks.</summary>
public sealed class ChaosRun(ChaosCluster cluster, ChaosSettings settings)
{
    private readonly List<(string User, Guid Id)> _users = [];

    public BookingWorkload Workload { get; private set; } = null!;

    /// <summary>Registers the admin and one user per client, and creates the capacity-1 resources.</summary>
    public async Task ArrangeAsync()
    {
        var silo = cluster.Silos[0];
        await ApiClient.RegisterAsync(silo, "admin");
        using var admin = ApiClient.For(silo, await ApiClient.SignInAsync(silo, "admin"));
        var ids = new List<Guid>();
        for (var i = 0; i < settings.HotResources + settings.ColdResources; i++)
        {
            ids.Add(await ApiClient.CreateResourceAsync(admin, $"{(i < settings.HotResources ? "Hot" : "Cold")} room {i}"));
        }

        Workload = new BookingWorkload(ids[..settings.HotResources], ids[settings.HotResources..]);
        for (var i = 0; i < settings.Clients; i++)
        {
            var user = $"client{i}";
            await ApiClient.RegisterAsync(cluster.Silos[i % 3], user);
            using var client = ApiClient.For(silo, await ApiClient.SignInAsync(silo, user));
            _users.Add((user, (await client.GetFromJsonAsync<JsonElement>("/api/v1/users/me")).GetProperty("id").GetGuid()));
        }
    }

    /// <summary>Runs every client until <paramref name="faults"/> completes and the duration has passed.</summary>
    public async Task DriveAsync(Func<Task> faults)
    {
        using var stop = new CancellationTokenSource();
        var clients = _users.Select((u, i) => new BookingClient(cluster, u.User, u.Id, Workload, cluster.Log, new Random(settings.Seed * 1000 + i)))
            .Select(c => Task.Run(() => c.RunAsync(stop.Token))).ToList();
        var started = DateTime.UtcNow;
        await faults();
        var left = settings.Duration - (DateTime.UtcNow - started);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
        }

        await stop.CancelAsync();
        await Task.WhenAll(clients);
    }

    /// <summary>Retries every unanswered booking once more with its own key, now that the cluster is whole.</summary>
    public async Task<int> ResolveUnknownAsync()
    {
        var unknown = cluster.Log.Operations.Where(o => o.Verdict == BookingVerdict.Unknown).ToList();
        foreach (var operation in unknown)
        {
            var client = new BookingClient(cluster, operation.User, operation.UserId, Workload, cluster.Log, new Random(settings.Seed));
            var resolved = await client.BookAsync(operation.ResourceId, operation.Start, operation.End, operation.IdempotencyKey, operation.Sequence);
            cluster.Log.Add(resolved with { StartedAt = operation.StartedAt, Attempts = operation.Attempts + resolved.Attempts });
        }

        return unknown.Count;
    }

    /// <summary>The last word per operation (a resolved retry replaces the unknown first verdict).</summary>
    public IReadOnlyCollection<BookingOperation> FinalOperations() =>
        cluster.Log.Operations.GroupBy(o => o.Sequence).Select(g => g.OrderBy(o => o.Verdict == BookingVerdict.Unknown ? 1 : 0).First()).ToList();

    /// <summary>A human summary of the run, also written next to the operation log.</summary>
    public string Summarize(string name, IReadOnlyCollection<BookingOperation> operations, int resolvedLater, IReadOnlyList<string> failures)
    {
        var text = new StringBuilder();
        var byVerdict = operations.GroupBy(o => o.Verdict).ToDictionary(g => g.Key, g => g.Count());
        var latencies = operations.Select(o => (o.EndedAt - o.StartedAt).TotalMilliseconds).Order().ToList();
        text.AppendLine($"{name}: seed {settings.Seed}, {settings.Duration.TotalSeconds:0} s, {settings.Clients} clients, {settings.HotResources} hot + {settings.ColdResources} cold resources");
        text.AppendLine($"operations {operations.Count}: acknowledged {byVerdict.GetValueOrDefault(BookingVerdict.Acknowledged)}, refused (409) {byVerdict.GetValueOrDefault(BookingVerdict.Refused)}, rejected (4xx) {byVerdict.GetValueOrDefault(BookingVerdict.Rejected)}, unknown {byVerdict.GetValueOrDefault(BookingVerdict.Unknown)}; answered only by the final retry {resolvedLater}; retried {operations.Count(o => o.Attempts > 1)}");
        if (latencies.Count > 0)
        {
            text.AppendLine($"operation time incl. retries: p50 {latencies[latencies.Count / 2]:0} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:0} ms, max {latencies[^1]:0} ms");
        }

        text.AppendLine($"kills {cluster.Log.Events.Count(e => e.Contains("SIGKILL"))}, pauses {cluster.Log.Events.Count(e => e.Contains("SIGSTOP"))}, graceful restarts {cluster.Log.Events.Count(e => e.Contains("SIGTERM"))}, process starts after faults {cluster.Log.Events.Count(e => e.Contains("restarted"))}, silos that stopped on their own and were restarted {cluster.UnplannedRestarts}");
        foreach (var (fault, seconds) in cluster.Recoveries)
        {
            text.AppendLine($"recovery after {fault}: {seconds:0.00} s");
        }

        text.AppendLine(failures.Count == 0 ? "invariants: all hold" : $"invariants: {failures.Count} violations");
        var path = cluster.Log.Save(name);
        text.AppendLine($"log: {path}");
        File.WriteAllText(Path.ChangeExtension(path, null) + ".summary.txt", text.ToString());
        return text.ToString();
    }
}
