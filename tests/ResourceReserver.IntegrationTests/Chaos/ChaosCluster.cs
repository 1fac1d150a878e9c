using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ResourceReserver.IntegrationTests.Cluster;

namespace ResourceReserver.IntegrationTests.Chaos;

/// <summary>Three silo processes on loopback (PostgreSQL state, Redis membership) and the faults done to them.</summary>
public sealed class ChaosCluster : IAsyncDisposable
{
    private ChaosCluster(string database, IReadOnlyList<SiloProcess> silos, OperationLog log)
    {
        Database = database;
        Silos = silos;
        Log = log;
    }

    public string Database { get; }

    public IReadOnlyList<SiloProcess> Silos { get; }

    public OperationLog Log { get; }

    /// <summary>Seconds from each fault until every probed resource answered again, by fault name.</summary>
    public List<(string Fault, double Seconds)> Recoveries { get; } = [];

    /// <summary>Silos that stopped without being told to and were started again.</summary>
    public int UnplannedRestarts { get; private set; }

    /// <summary>Starts three silos of a fresh cluster on a fresh database.</summary>
    public static async Task<ChaosCluster> StartAsync(OperationLog log)
    {
        var database = await TestServers.CreateDatabaseAsync();
        var clusterId = "chaos-" + Guid.NewGuid().ToString("N")[..8];
        var settings = TestServers.ProductionSettings(database, clusterId);
        foreach (var (key, value) in ChaosSettings.FastMembership)
        {
            settings[key] = value;
        }

        var silos = Enumerable.Range(0, 3).Select(i => new SiloProcess($"silo{i}", settings)).ToList();
        // The first silo applies the schema; the others join once it is up.
        await silos[0].StartAsync();
        await Task.WhenAll(silos.Skip(1).Select(s => s.StartAsync()));
        var cluster = new ChaosCluster(database, silos, log);
        await cluster.WaitForClusterAsync(3, TimeSpan.FromSeconds(60));
        return cluster;
    }

    /// <summary>SIGKILL, then measure recovery, then start the silo again.</summary>
    public async Task KillAndRestartAsync(int index, BookingWorkload workload)
    {
        var token = await ApiClient.SignInAsync(Silos[(index + 1) % Silos.Count], "admin");
        Log.Event($"SIGKILL {Silos[index].Name}");
        var watch = Stopwatch.StartNew();
        Silos[index].Signal("KILL");
        await MeasureRecoveryAsync($"kill {Silos[index].Name}", watch, index, workload, token);
        await RestartAsync(index);
    }

    /// <summary>SIGSTOP past the probe timeout, SIGCONT, and restart the silo if the cluster voted it dead.</summary>
    public async Task PauseAndResumeAsync(int index, BookingWorkload workload)
    {
        var token = await ApiClient.SignInAsync(Silos[(index + 1) % Silos.Count], "admin");
        Log.Event($"SIGSTOP {Silos[index].Name}");
        var watch = Stopwatch.StartNew();
        Silos[index].Signal("STOP");
        await MeasureRecoveryAsync($"pause {Silos[index].Name}", watch, index, workload, token);
        var remaining = ChaosSettings.PauseLength - watch.Elapsed;
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining);
        }

        Silos[index].Signal("CONT");
        Log.Event($"SIGCONT {Silos[index].Name} after {watch.Elapsed.TotalSeconds:0.0} s");
        // A silo declared dead stops itself when it wakes; give it time to notice.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Silos[index].HasExited && DateTime.UtcNow < deadline && !await IsReadyAsync(index))
        {
            await Task.Delay(500);
        }

        await RestartAsync(index);
    }

    /// <summary>Graceful restart (SIGTERM, wait, start), as a rolling deployment does.</summary>
    public async Task RollAsync(int index)
    {
        Log.Event($"SIGTERM {Silos[index].Name}");
        await Silos[index].StopAsync();
        await RestartAsync(index);
    }

    /// <summary>Stops every silo and starts them again, so later reads come from storage, not memory.</summary>
    public async Task RestartAllAsync()
    {
        await Task.WhenAll(Silos.Select(s => s.StopAsync()));
        await Silos[0].StartAsync();
        await Task.WhenAll(Silos.Skip(1).Select(s => s.StartAsync()));
        await WaitForClusterAsync(3, TimeSpan.FromSeconds(120));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }
    }

    private async Task RestartAsync(int index)
    {
        if (!Silos[index].HasExited && await IsReadyAsync(index))
        {
            Log.Event($"{Silos[index].Name} survived and is serving again");
            return;
        }

        Silos[index].Signal("KILL");
        await Task.Delay(500);
        try
        {
            await Silos[index].StartAsync();
            Log.Event($"restarted {Silos[index].Name}");
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            Log.Event($"{Silos[index].Name} died while starting; the cluster wait retries it");
        }

        await WaitForClusterAsync(3, TimeSpan.FromSeconds(120));
    }

    /// <summary>Recovered when one sweep of availability reads over all hot and some cold resources succeeds through the surviving silos.</summary>
    private async Task MeasureRecoveryAsync(string fault, Stopwatch watch, int faulty, BookingWorkload workload, string token)
    {
        var survivors = Silos.Where((_, i) => i != faulty).ToList();
        var probed = workload.Hot.Concat(workload.All.Skip(workload.Hot.Count).Take(12)).ToList();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        while (watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            var sweep = await Task.WhenAll(probed.Select(async (id, i) =>
            {
                try
                {
                    var uri = new Uri(survivors[i % survivors.Count].BaseAddress, $"/api/v1/resources/{id}/availability?from={Iso(workload.WindowStart)}&until={Iso(workload.WindowStart.AddDays(1))}");
                    using var response = await http.GetAsync(uri);
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            }));
            if (sweep.All(ok => ok))
            {
                Recoveries.Add((fault, watch.Elapsed.TotalSeconds));
                Log.Event($"recovered from {fault} in {watch.Elapsed.TotalSeconds:0.00} s");
                return;
            }

            await Task.Delay(100);
        }

        Recoveries.Add((fault, double.PositiveInfinity));
        Log.Event($"no recovery from {fault} within 90 s");
    }

    private async Task<bool> IsReadyAsync(int index)
    {
        try
        {
            using var http = new HttpClient { BaseAddress = Silos[index].BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
            var response = await http.GetAsync("/ready");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits until every silo sees <paramref name="expected"/> active silos. A silo that stopped on its own (voted
    /// dead while starved of CPU, which a 2-core CI box does to it) is started again and counted.
    /// </summary>
    private async Task WaitForClusterAsync(int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var silo in Silos.Where(s => s.HasExited))
            {
                Log.Event($"{silo.Name} stopped on its own (declared dead); starting it again");
                UnplannedRestarts++;
                try
                {
                    await silo.StartAsync();
                }
                catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
                {
                    Log.Event($"{silo.Name} failed to start: {exception.Message[..Math.Min(200, exception.Message.Length)]}");
                }
            }

            try
            {
                var counts = await Task.WhenAll(Silos.Select(ApiClient.ActiveSilosAsync));
                if (counts.All(c => c == expected))
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
            {
                // A silo is still starting.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The cluster did not reach {expected} active silos.\n{string.Join("\n", Silos.Select(s => s.Output[^Math.Min(4000, s.Output.Length)..]))}");
    }

    private static string Iso(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("yyyy-MM-ddTHH:mm:ssZ"));
}
