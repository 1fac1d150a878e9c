using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;
using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Grains;
using ResourceReserver.Infrastructure.Schema;
using ResourceReserver.Infrastructure.Sqlite;
using ResourceReserver.Outbox;

namespace ResourceReserver.Bench;

/// <summary>
/// One hot resource, many concurrent callers: each caller books its own free hours back to back, so every
/// booking succeeds and the figure is how many bookings one resource grain confirms per second through the
/// real SQLite grain storage. Usage: <c>-- hot [callers=32] [seconds=10] [writeLatencyMs=0]</c>;
/// a write latency stands in for a database round trip (see LatencyGrainStorage).
/// </summary>
internal static class HotResourceBench
{
    public static async Task RunAsync(string[] args)
    {
        var callers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
        var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var latency = TimeSpan.FromMilliseconds(args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0);
        var databasePath = Path.Combine(Path.GetTempPath(), $"rr-hot-{Guid.NewGuid():N}.db");
        var dataSource = SqliteDataSource.Create(databasePath);
        await new MigrationRunner(dataSource, SqlDialect.Sqlite, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        var store = new SqliteStore(dataSource);

        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddSingleton<IEventSink, DiscardingSink>();
            silo.Services.AddSingleton<OutboxRelay>();
            silo.Services.AddSingleton(store);
            silo.Services.AddGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (services, name) =>
                new LatencyGrainStorage(ActivatorUtilities.CreateInstance<SqliteGrainStorage>(services, name), latency));
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
        var writesBefore = LatencyGrainStorage.Writes;
        var watch = Stopwatch.StartNew();
        var booked = await RunCallersAsync(grain, origin, callers, TimeSpan.FromSeconds(seconds), () => next++, latencies);
        var elapsed = watch.Elapsed.TotalSeconds;
        var writes = LatencyGrainStorage.Writes - writesBefore;
        latencies.Sort();
        Console.WriteLine($"hot resource, sqlite + {latency.TotalMilliseconds} ms per write, {callers} concurrent callers, {seconds} s: {booked} bookings in {writes} writes, "
            + $"{booked / elapsed:N0} bookings/s, p50 {latencies[latencies.Count / 2]:F2} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F2} ms");
        await cluster.DisposeAsync();
        File.Delete(databasePath);
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
