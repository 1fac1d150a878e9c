using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using ResourceReserver.Bench;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;

// Booking cost on one resource holding 10, 1,000 and 10,000 future reservations, measured in one run.
// Usage: dotnet run -c Release --project bench/ResourceReserver.Bench [-- bookingsPerSize rounds memory|sqlite|postgres]
// or [-- hot callers seconds writeLatencyMs store] for many concurrent callers on one resource (see HotResourceBench).
// "memory" stores nothing (the grain's own cost: decisions, group commit); "sqlite" and "postgres" commit every
// booking through the real resource store (one transaction with the fence, the row and the event).
if (args.Length > 0 && args[0] == "hot")
{
    await HotResourceBench.RunAsync(args);
    return;
}

var perSize = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2000;
var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
var storage = args.Length > 2 ? args[2] : "memory";
var (store, dispose) = await BenchStores.CreateAsync(storage);
int[] sizes = [10, 1_000, 10_000];

var builder = new InProcessTestClusterBuilder();
builder.ConfigureSilo((_, silo) =>
{
    silo.Services.AddSingleton(TimeProvider.System);
    silo.Services.AddSingleton(store);
    silo.UseInMemoryReminderService();
});
var cluster = builder.Build();
await cluster.DeployAsync();
var grains = cluster.Client;
var admin = new Actor(Guid.NewGuid(), true);
var origin = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(2);

// Each size gets its own resource, filled with hour-long reservations on every other hour; the measured
// bookings then take the free hours in between, so every check looks at booked neighbours.
var resources = new Dictionary<int, IResourceGrain>();
foreach (var size in sizes)
{
    var grain = grains.GetGrain<IResourceGrain>(Guid.NewGuid());
    var rules = BookingRules.Default with { MaxHorizon = TimeSpan.FromDays(3650) };
    await grain.CreateAsync(new ResourceDetails { Name = $"bench-{size}", Rules = rules }, admin);
    // Filled in series of up to 365 (one commit each), so filling stays cheap on real storage too.
    for (var filled = 0; filled < size; filled += 365)
    {
        var count = Math.Min(365, size - filled);
        var first = origin.AddHours(2 * filled);
        var series = await grain.BookSeriesAsync(new SeriesRequest
        {
            SeriesId = Guid.NewGuid(),
            UserId = Guid.NewGuid(),
            Start = first,
            End = first.AddHours(1),
            Rule = $"FREQ=HOURLY;INTERVAL=2;COUNT={count}",
            Mode = SeriesConflictMode.AllOrNothing,
        });
        if (!series.IsSuccess)
        {
            throw new InvalidOperationException(series.Error!.Code);
        }
    }

    resources[size] = grain;
}

var next = sizes.ToDictionary(s => s, _ => 0);
var results = sizes.ToDictionary(s => s, _ => new List<double>());

// Warm-up, then rounds interleaved across sizes so drift (JIT, GC, CPU frequency) hits all sizes alike.
foreach (var size in sizes)
{
    await Measure(size, 200);
}

for (var round = 0; round < rounds; round++)
{
    foreach (var size in sizes)
    {
        results[size].Add(await Measure(size, perSize / rounds));
    }
}

Console.WriteLine($"storage: {storage}; bookings per size: {perSize} (in {rounds} rounds), sequential, one client, one silo, in-process");
Console.WriteLine("| reservations held | median µs per booking | bookings/s | cost vs 10 |");
Console.WriteLine("|---:|---:|---:|---:|");
var baseline = Median(results[10]);
foreach (var size in sizes)
{
    var median = Median(results[size]);
    Console.WriteLine($"| {size:N0} | {median:F1} | {1_000_000 / median:N0} | {median / baseline:F2} |");
}

await cluster.DisposeAsync();
await dispose();

async Task<double> Measure(int size, int count)
{
    var grain = resources[size];
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        // The odd hours between the held reservations, then beyond them.
        await Book(grain, origin.AddHours(2 * next[size]++ + 1));
    }

    return watch.Elapsed.TotalMicroseconds / count;
}

static async Task Book(IResourceGrain grain, DateTimeOffset start)
{
    var outcome = await grain.BookAsync(new BookingRequest { ReservationId = Guid.NewGuid(), UserId = Guid.NewGuid(), Start = start, End = start.AddHours(1) });
    if (!outcome.IsSuccess)
    {
        throw new InvalidOperationException(outcome.Error!.Code);
    }
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
