using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Analytics;
using ResourceReserver.Infrastructure.Analytics;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.Organisation;
using ResourceReserver.Infrastructure.Postgres;
using ResourceReserver.Infrastructure.Resources;
using ResourceReserver.Scheduling;
using ResourceReserver.Storage;

// Analytics over 1,000,000 reservations on PostgreSQL: every report through the real AnalyticsService (the same code
// the endpoints call, CSV formatting included for the exports), in a schema of its own in the server named by
// RR_TEST_POSTGRES. Resources go through the real resource store; reservations are generated into the real table
// with generate_series. Usage: dotnet run -c Release --project bench/ResourceReserver.AnalyticsBench [reservations] [runs]
var server = Environment.GetEnvironmentVariable("RR_TEST_POSTGRES") is { Length: > 0 } value
    ? value
    : throw new InvalidOperationException("Set RR_TEST_POSTGRES to a PostgreSQL server, e.g. Host=127.0.0.1;Port=55432;Username=postgres;Database=reserver_test");
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
// RR_BENCH_KEEP=1 keeps the seeded schema (for EXPLAIN); RR_BENCH_SEED_ONLY=1 stops after seeding; RR_BENCH_SCHEMA=<kept schema>
// times an earlier seed again; RR_BENCH_ONLY=<text> times only the endpoints whose line contains it.
const int Resources = 200;
const int Users = 2_000;
var yearStart = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

var reused = Environment.GetEnvironmentVariable("RR_BENCH_SCHEMA") is { Length: > 0 } kept ? kept : null;
var schema = reused ?? "rr_analytics_bench_" + Guid.NewGuid().ToString("N")[..8];
if (reused is null)
{
    await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
}

var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, CommandTimeout = 600 }.ConnectionString;
try
{
    await PostgresDatabase.MigrateAsync(connectionString);
    await using var dataSource = NpgsqlDataSource.Create(connectionString);
    if (reused is null)
    {
        var seed = Stopwatch.StartNew();
        await using (var store = new SqlResourceStore(dataSource, new EventSignal(), TimeProvider.System))
        {
            string[] zones = ["Europe/Berlin", "America/New_York", "UTC", "Asia/Tokyo"];
            for (var i = 0; i < Resources; i++)
            {
                var hours = i % 3 == 0 ? null : new BusinessHours
                {
                    Periods = Enum.GetValues<DayOfWeek>().Where(d => d is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
                        .Select(d => new OpeningPeriod(d, new TimeOnly(7, 0), new TimeOnly(20, 0))).ToList(),
                };
                var snapshot = new ResourceSnapshot
                {
                    Id = Guid.NewGuid(), Version = 1, CreatedAt = yearStart, UpdatedAt = yearStart,
                    Details = new ResourceDetails { Name = $"Room {i:D3}", Capacity = 1 + i % 8, TimeZone = zones[i % zones.Length], BusinessHours = hours },
                };
                await store.CommitAsync(new ResourceCommit(snapshot.Id, 0) { Resource = snapshot });
            }
        }

        // Starts spread over 2027 on whole quarter hours, 30–240 minutes long; 80 % booked, 12 % cancelled, 3 % no-shows.
        await ExecuteAsync(connectionString,
            $"""
            INSERT INTO reservations (id, resource_id, user_id, start_ms, end_ms, quantity, status, version, payload, role)
            SELECT g.id, g.resource_id, g.user_id, g.start_ms, g.start_ms + g.minutes * 60000, 1 + (g.n % 2),
                   CASE WHEN g.roll < 65 THEN 'completed' WHEN g.roll < 80 THEN 'confirmed' WHEN g.roll < 92 THEN 'cancelled'
                        WHEN g.roll < 95 THEN 'no_show' WHEN g.roll < 98 THEN 'expired' ELSE 'rejected' END,
                   1, json_build_object('id', g.id, 'resourceId', g.resource_id, 'userId', g.user_id)::text, 0
            FROM (SELECT n, gen_random_uuid()::text AS id,
                         r.ids[1 + (n * 7919) % {Resources}] AS resource_id,
                         md5((n % {Users})::text)::uuid::text AS user_id,
                         {yearStart.ToUnixTimeMilliseconds()} + ((n * 104729) % 35040) * 900000 AS start_ms,
                         30 + (n * 31) % 211 AS minutes, (n * 17) % 100 AS roll
                  FROM generate_series(1::bigint, {count}) AS n, (SELECT array_agg(id ORDER BY id) AS ids FROM resources) r) g
            """);
        // What autovacuum does after a bulk insert: statistics, the visibility map that lets index-only scans skip the table,
        // and the old versions of the daily rollup's rows (the seed's triggers updated each of them ~14 times).
        await ExecuteAsync(connectionString, "VACUUM ANALYZE reservations");
        await ExecuteAsync(connectionString, "VACUUM ANALYZE analytics_days");
        Console.WriteLine($"seeded {Resources} resources and {count:N0} reservations in {seed.Elapsed.TotalSeconds:F1} s");
    }

    if (Environment.GetEnvironmentVariable("RR_BENCH_SEED_ONLY") == "1")
    {
        return;
    }

    var service = new AnalyticsService(new AnalyticsStore(dataSource), new GroupStore(dataSource, TimeProvider.System),
        Options.Create(new SchedulingDefaults()), Options.Create(new AnalyticsOptions()), TimeProvider.System);
    var analyst = Actor.With(Guid.NewGuid(), Permission.AnalyticsRead);
    (string Name, AnalyticsQuery Query)[] windows =
    [
        ("whole year (every row)", new AnalyticsQuery("2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z", TimeZone: "Europe/Berlin")),
        ("30 days", new AnalyticsQuery("2027-06-01T00:00:00Z", "2027-07-01T00:00:00Z", TimeZone: "Europe/Berlin")),
    ];
    (string Name, Func<AnalyticsQuery, Task<int>> Call)[] endpoints =
    [
        ("GET /analytics/utilization", async q => Ok(await service.UtilizationAsync(analyst, q)).Resources.Count),
        ("GET /analytics/popular", async q => Ok(await service.PopularAsync(analyst, q)).Resources.Count),
        ("GET /analytics/peak", async q => Ok(await service.PeakAsync(analyst, q)).Cells.Count),
        ("GET /analytics/users", async q => Ok(await service.UsersAsync(analyst, q)).Users.Count),
        ("GET /analytics/dashboard", async q => Ok(await service.DashboardAsync(analyst, q)).TopResources.Count),
        ("GET /analytics/export/utilization.csv", async q => AnalyticsCsv.Of(Ok(await service.UtilizationAsync(analyst, q))).Length),
        ("GET /analytics/export/popular.csv", async q => AnalyticsCsv.Of(Ok(await service.PopularAsync(analyst, q))).Length),
        ("GET /analytics/export/peak.csv", async q => AnalyticsCsv.Of(Ok(await service.PeakAsync(analyst, q))).Length),
        ("GET /analytics/export/users.csv", async q => AnalyticsCsv.Of(Ok(await service.UsersAsync(analyst, q))).Length),
    ];

    Console.WriteLine($"{runs} timed runs per line after one warm-up; milliseconds");
    Console.WriteLine("| window | endpoint | rows | median | min | max |");
    Console.WriteLine("|---|---|---:|---:|---:|---:|");
    foreach (var (windowName, query) in windows)
    {
        foreach (var (name, call) in endpoints.Where(e => Environment.GetEnvironmentVariable("RR_BENCH_ONLY") is not { Length: > 0 } only || e.Name.Contains(only, StringComparison.Ordinal)))
        {
            var rows = await call(query);
            var times = new List<double>();
            for (var r = 0; r < runs; r++)
            {
                var watch = Stopwatch.StartNew();
                await call(query);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine($"| {windowName} | {name} | {rows} | {times[times.Count / 2]:F0} | {times[0]:F0} | {times[^1]:F0} |");
        }
    }
}
finally
{
    NpgsqlConnection.ClearAllPools();
    if (Environment.GetEnvironmentVariable("RR_BENCH_KEEP") == "1" || reused is not null)
    {
        Console.WriteLine($"kept schema {schema}");
    }
    else
    {
        await ExecuteAsync(server, $"DROP SCHEMA {schema} CASCADE");
    }
}

static T Ok<T>(Outcome<T> outcome) => outcome.IsSuccess ? outcome.Value! : throw new InvalidOperationException(outcome.Error!.Message);

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
    await command.ExecuteNonQueryAsync();
}
