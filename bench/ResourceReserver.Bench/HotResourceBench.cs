using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Storage;

namespace ResourceReserver.Bench;

/// <summary>
/// One hot resource, many concurrent callers: each caller books its own free quarter hours back to back, so every
/// booking succeeds and the figure is how many bookings one resource grain confirms per second through the real
/// resource store. Usage: <c>-- hot [callers=32] [seconds=10] [writeLatencyMs=0] [sqlite|postgres|memory]</c>;
/// a write latency stands in for a database round trip (see LatencyResourceStore).
/// </summary>
internal static class HotResourceBench
{
    public static async Task RunAsync(string[] args)
    {
        var callers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
        var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var latency = TimeSpan.FromMilliseconds(args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0);
        var kind = args.Length > 4 ? args[4] : "sqlite";
        var (inner, dispose) = await BenchStores.CreateAsync(kind);
        var store = new LatencyResourceStore(inner, latency);

        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<IResourceStore>(store);
            silo.UseInMemoryReminderService();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        var grain = cluster.Client.GetGrain<IResourceGrain>(Guid.NewGuid());
        var rules = BookingRules.Default with { MaxHorizon = TimeSpan.FromDays(3650) };
        await grain.CreateAsync(new ResourceDetails { Name = "hot", Rules = rules }, new Actor(Guid.NewGuid(), true));
        var origin = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(2);

        // Warm-up, then the measured window; callers take consecutive quarter hours, so every booking fits
        var next = 0;
        await RunCallersAsync(grain, origin, callers, TimeSpan.FromSeconds(2), () => next++);
        var latencies = new List<double>();
        var commitsBefore = store.Commits;
        var watch = Stopwatch.StartNew();
        var booked = await RunCallersAsync(grain, origin, callers, TimeSpan.FromSeconds(seconds), () => next++, latencies);
        var elapsed = watch.Elapsed.TotalSeconds;
        var commits = store.Commits - commitsBefore;
        latencies.Sort();
        Console.WriteLine($"hot resource, {kind} + {latency.TotalMilliseconds} ms per commit, {callers} concurrent callers, {seconds} s: {booked} bookings in {commits} commits, "
            + $"{booked / elapsed:N0} bookings/s, p50 {latencies[latencies.Count / 2]:F2} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F2} ms");
        await cluster.DisposeAsync();
        await dispose();
    }

    private static async Task<int> RunCallersAsync(
        IResourceGrain grain, DateTimeOffset origin, int callers, TimeSpan duration, Func<int> nextHour, List<double>? latencies = null)
    {
        var until = DateTime.UtcNow + duration;
        var booked = 0;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            while (DateTime.UtcNow < until)
            {
                var start = origin.AddMinutes(15 * nextHour());
                var watch = Stopwatch.StartNew();
                var outcome = await grain.BookAsync(new BookingRequest { ReservationId = Guid.NewGuid(), UserId = Guid.NewGuid(), Start = start, End = start.AddMinutes(15) });
                if (!outcome.IsSuccess)
                {
                    throw new InvalidOperationException(outcome.Error!.Code);
                }

                lock (grain)
                {
                    booked++;
                    latencies?.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }));
        return booked;
    }
}
