using Xunit.Abstractions;

namespace ResourceReserver.IntegrationTests.Chaos;

/// <summary>Heavy multi-process runs; never in parallel with each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChaosCollection
{
    public const string Name = "chaos";
}

/// <summary>
/// Three silos, concurrent clients with Idempotency-Keys, and SIGKILL / SIGSTOP / restarts: no booking is lost,
/// none is doubled, no resource goes over capacity. Short in CI; the long form is bench/chaos/long.sh.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class ChaosTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_pausing_and_restarting_silos_under_load_loses_and_doubles_no_booking()
    {
        var settings = ChaosSettings.FromEnvironment(defaultSeconds: 60);
        await using var cluster = await ChaosCluster.StartAsync(new OperationLog());
        var run = new ChaosRun(cluster, settings);
        await run.ArrangeAsync();
        var random = new Random(settings.Seed);

        await run.DriveAsync(async () =>
        {
            var started = DateTime.UtcNow;
            var round = 0;
            // At least one kill, one pause and one restart; the long form keeps cycling until the duration ends.
            do
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
                await cluster.KillAndRestartAsync(random.Next(3), run.Workload);
                await Task.Delay(TimeSpan.FromSeconds(5));
                await cluster.PauseAndResumeAsync(random.Next(3), run.Workload);
                await Task.Delay(TimeSpan.FromSeconds(3));
                await cluster.RollAsync(random.Next(3));
                round++;
            }
            while (DateTime.UtcNow - started < settings.Duration - TimeSpan.FromSeconds(60));
        });

        await AssertInvariantsAsync(cluster, run, $"chaos-seed{settings.Seed}", requireAllAnswered: false);
    }

    [Fact]
    public async Task A_rolling_restart_under_load_fails_no_retried_booking_and_doubles_none()
    {
        var settings = ChaosSettings.FromEnvironment(defaultSeconds: 30) with { Duration = TimeSpan.FromSeconds(30) };
        await using var cluster = await ChaosCluster.StartAsync(new OperationLog());
        var run = new ChaosRun(cluster, settings);
        await run.ArrangeAsync();

        await run.DriveAsync(async () =>
        {
            for (var i = 0; i < cluster.Silos.Count; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
                await cluster.RollAsync(i);
            }
        });

        await AssertInvariantsAsync(cluster, run, "rolling-restart", requireAllAnswered: true);
    }

    private async Task AssertInvariantsAsync(ChaosCluster cluster, ChaosRun run, string name, bool requireAllAnswered)
    {
        var firstAnswers = run.FinalOperations();
        var unanswered = firstAnswers.Count(o => o.Verdict == BookingVerdict.Unknown);
        var resolvedLater = await run.ResolveUnknownAsync();
        await cluster.RestartAllAsync();
        var operations = run.FinalOperations();
        var failures = await ConsistencyChecker.CheckAsync(cluster, run.Workload, operations);
        if (requireAllAnswered && unanswered > 0)
        {
            failures.Add($"{unanswered} bookings got no answer within {BookingClient.RetryDeadline.TotalSeconds} s of retries");
        }

        var summary = run.Summarize(name, operations, resolvedLater, failures);
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(operations.Count(o => o.Verdict == BookingVerdict.Acknowledged) > 100, "too few bookings to prove anything:\n" + summary);
        Assert.True(cluster.Recoveries.All(r => double.IsFinite(r.Seconds)), summary);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)) + "\n" + summary);
    }
}
