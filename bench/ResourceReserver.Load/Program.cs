using System.Diagnostics;
using System.Net;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using ResourceReserver.Load;

// REST booking benchmarks (issues 6 and 10): starts real hosts in production mode (PostgreSQL + Redis) and/or
// embedded mode (SQLite), and/or the conventional REST baseline (bench/ResourceReserver.Baseline: one INSERT per
// booking into a table with an exclusion constraint), registers a few users, creates N resources plus one hot one,
// measures the database's idle transactions, then per workload the saturation throughput (closed loop) and the
// latency at a fraction of it (open loop), and stops every host. Ends with the issue-10 ratios (RATIO lines).
// Usage (from the repository root, after `dotnet build -c Release`):
//   dotnet bench/ResourceReserver.Load/bin/Release/net10.0/ResourceReserver.Load.dll [options]
//   --modes baseline,production,embedded  --silos 1  --seconds 30  --warmup 3  --resources 10000  --users 8
//   --workers 64  --fraction 0.8  --workloads live,single,spread,hot,availability  --results FILE  --wrk  --idle 30
//   --light R (adds one open-loop point per workload at min(R, 25 % of saturation) requests/s: latency away from saturation)
// Environment: RR_TEST_POSTGRES (admin connection string), RR_TEST_REDIS (host:port), as .ci/postgres.sh and
// .ci/redis.sh export them; defaults are the CI ports 55432 and 56379 on 127.0.0.1.
var options = Options.Parse(args);
var repoRoot = FindRepoRoot();
var hostDll = Path.Combine(repoRoot, "src/ResourceReserver.Host/bin/Release/net10.0/ResourceReserver.Host.dll");
var baselineDll = Path.Combine(repoRoot, "bench/ResourceReserver.Baseline/bin/Release/net10.0/ResourceReserver.Baseline.dll");
foreach (var dll in options.Modes.Contains("baseline") ? [hostDll, baselineDll] : new[] { hostDll })
{
    if (!File.Exists(dll))
    {
        Console.Error.WriteLine($"{dll} not found: run `dotnet build -c Release` first.");
        return 2;
    }
}

var saturations = new Dictionary<(string Mode, string Workload), PointResult>();
var perBooking = new Dictionary<(string Mode, string Workload), double>();

var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
var logDirectory = Path.Combine(Path.GetTempPath(), $"rr-load-{stamp}");
Directory.CreateDirectory(logDirectory);
var report = new Report(options.ResultsFile);
report.Line($"# REST booking benchmark {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores; "
    + $"{options.Seconds} s per point after {options.WarmUp} s warm-up; {options.Resources} resources + 1 hot; {options.Users} users; "
    + $"closed loop {options.Workers} workers; open loop at {options.Fraction:0.##} × saturation; host logs in {logDirectory}");

var running = new List<HostProcess>();
AppDomain.CurrentDomain.ProcessExit += (_, _) => running.ForEach(h => h.KillNow());
Console.CancelKeyPress += (_, e) =>
{
    running.ForEach(h => h.KillNow());
};

var failures = 0;
foreach (var mode in options.Modes)
{
    string? database = null;
    try
    {
        var settings = new Dictionary<string, string>();
        var silos = 1;
        var dll = hostDll;
        if (mode == "baseline")
        {
            database = await CreateDatabaseAsync();
            settings["ConnectionStrings__Postgres"] = database;
            dll = baselineDll;
        }
        else if (mode == "production")
        {
            database = await CreateDatabaseAsync();
            var clusterId = "bench-" + Guid.NewGuid().ToString("N")[..8];
            settings["Storage__Provider"] = "Postgres";
            settings["ConnectionStrings__Postgres"] = database;
            settings["Clustering__Provider"] = "Redis";
            settings["ConnectionStrings__Redis"] = Environment.GetEnvironmentVariable("RR_TEST_REDIS") ?? "127.0.0.1:56379";
            settings["Clustering__ClusterId"] = clusterId;
            settings["Clustering__ServiceId"] = clusterId;
            silos = options.Silos;
        }
        else
        {
            var directory = Path.Combine(logDirectory, "embedded-data");
            Directory.CreateDirectory(directory);
            settings["Storage__Provider"] = "Sqlite";
            settings["Storage__SqlitePath"] = Path.Combine(directory, "reserver.db");
            settings["Clustering__Provider"] = "Localhost";
        }

        var hosts = Enumerable.Range(0, silos).Select(i => new HostProcess($"{mode}-silo{i}", dll, logDirectory, settings)).ToList();
        running.AddRange(hosts);
        try
        {
            await hosts[0].StartAsync();
            await Task.WhenAll(hosts.Skip(1).Select(h => h.StartAsync()));
            var label = mode switch
            {
                "production" => $"production ({silos} silo{(silos > 1 ? "s" : "")}, PostgreSQL + Redis)",
                "baseline" => "baseline (REST + one INSERT with an exclusion constraint, PostgreSQL)",
                _ => "embedded (SQLite)",
            };
            report.Line($"## {label}: host pids {string.Join(", ", hosts.Select(h => h.Pid))}");
            await RunModeAsync(mode, label, hosts, database);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
                running.Remove(host);
            }
        }
    }
    catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or NpgsqlException)
    {
        failures++;
        report.Line($"!! {mode} failed: {e.Message}");
    }
    finally
    {
        if (database is not null)
        {
            try
            {
                await DropDatabaseAsync(database);
            }
            catch (NpgsqlException e)
            {
                // The shared test PostgreSQL may have been restarted by another job; a restart drops the database anyway.
                report.Line($"!! could not drop the benchmark database: {e.Message}");
            }
        }
    }
}

Ratios.Report(report, saturations, perBooking);
report.Line("# done");
return failures == 0 ? 0 : 1;

async Task RunModeAsync(string mode, string label, IReadOnlyList<HostProcess> hosts, string? database)
{
    var anonymous = hosts.Select(h => NewClient(h.BaseAddress, 16)).ToList();
    Func<HttpClient, string, Task<string>> signIn = mode == "baseline" ? BaselineTokenAsync : RegisterAndSignInAsync;
    var admin = await signIn(anonymous[0], "benchadmin");
    var tokens = new List<string>();
    for (var i = 1; i <= options.Users; i++)
    {
        tokens.Add(await signIn(anonymous[i % anonymous.Count], $"benchuser{i}"));
    }

    // Resources: created through the API by the administrator, 16 at a time.
    var watch = Stopwatch.StartNew();
    var resources = new Guid[options.Resources];
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, 16).Select(async w =>
    {
        var client = anonymous[w % anonymous.Count];
        int i;
        while ((i = Interlocked.Increment(ref next)) < resources.Length)
        {
            resources[i] = await CreateResourceAsync(client, admin, $"bench-{i:00000}");
        }
    }));
    var hot = await CreateResourceAsync(anonymous[0], admin, "bench-hot");
    report.Line(string.Create(CultureInfo.InvariantCulture, $"setup: {options.Users} users, {resources.Length + 1} resources created in {watch.Elapsed.TotalSeconds:0.0} s ({resources.Length / watch.Elapsed.TotalSeconds:0}/s)"));

    if (database is not null && options.IdleSeconds > 0)
    {
        // What the database sees with no traffic at all, once the setup's own work has settled.
        await Task.Delay(TimeSpan.FromSeconds(15));
        report.Line(await CpuMeter.IdleLineAsync(database, TimeSpan.FromSeconds(options.IdleSeconds)));
    }

    if (mode == "production" && database is not null)
    {
        report.Line(await ConsumerLatencyAsync(anonymous[0], tokens[0], resources, database));
    }

    var clients = hosts.Select(h => NewClient(h.BaseAddress, 1024)).ToList();
    var generator = new LoadGenerator(clients) { WarmUp = TimeSpan.FromSeconds(options.WarmUp) };
    var baseInstant = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(1);
    var cpu = new CpuMeter(hosts.Select(h => h.Pid!.Value).ToList(), database);
    var userHeaders = tokens.Select(t => new AuthenticationHeaderValue("Bearer", t)).ToArray();

    // A booking: a random 15-minute-aligned start in the next ~354 days, 30 minutes long (the pgbench baseline uses the same).
    HttpRequestMessage Book(Random random, Guid resource)
    {
        var start = baseInstant.AddMinutes(15 * random.Next(34_000));
        var body = $"{{\"resourceId\":\"{resource}\",\"start\":\"{start:yyyy-MM-ddTHH:mm:ssZ}\",\"end\":\"{start.AddMinutes(30):yyyy-MM-ddTHH:mm:ssZ}\"}}";
        return new HttpRequestMessage(HttpMethod.Post, "/api/v1/reservations")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            Headers = { Authorization = userHeaders[random.Next(userHeaders.Length)] },
        };
    }

    var workloads = new Dictionary<string, RequestFactory>
    {
        ["live"] = _ => new HttpRequestMessage(HttpMethod.Get, "/live"),
        ["single"] = random => Book(random, resources[random.Next(resources.Length)]),
        ["spread"] = random => Book(random, resources[random.Next(resources.Length)]),
        ["hot"] = random => Book(random, hot),
        ["availability"] = random =>
        {
            var from = baseInstant.AddDays(random.Next(350));
            return new HttpRequestMessage(HttpMethod.Get,
                $"/api/v1/resources/{resources[random.Next(resources.Length)]}/availability?from={from:yyyy-MM-ddTHH:mm:ssZ}&until={from.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}")
            {
                Headers = { Authorization = userHeaders[random.Next(userHeaders.Length)] },
            };
        },
    };

    foreach (var workload in options.Workloads.Where(w => mode != "baseline" || w is "spread" or "hot" or "single"))
    {
        if (workload == "single")
        {
            // One booking at a time: what a booking costs the database when nothing batches it.
            cpu.Start();
            var sequential = await generator.ClosedAsync($"{label} single (one client, one booking at a time)", workloads[workload], 1, TimeSpan.FromSeconds(options.Seconds));
            var line = cpu.Stop() + cpu.DatabaseLine(sequential.Completed);
            report.Point(sequential, line);
            perBooking[(mode, workload)] = cpu.LastTransactionsPerRequest;
            continue;
        }

        if (workload == "live" && options.Wrk)
        {
            report.Line("wrk (bench/http/ceiling.sh) on /live:\n" + RunWrk(hosts[0].BaseAddress, options.Seconds));
        }

        var measure = TimeSpan.FromSeconds(options.Seconds);
        cpu.Start();
        var saturation = await generator.ClosedAsync($"{label} {workload}", workloads[workload], options.Workers, measure);
        report.Point(saturation, cpu.Stop() + cpu.DatabaseLine(saturation.Completed));
        saturations[(mode, workload)] = saturation;
        perBooking[(mode, workload)] = cpu.LastTransactionsPerRequest;
        if (workload == "live")
        {
            continue;
        }

        var rate = Math.Max(1, Math.Round(saturation.Throughput * options.Fraction));
        cpu.Start();
        var open = await generator.OpenAsync($"{label} {workload}", workloads[workload], rate, measure);
        report.Point(open, cpu.Stop() + cpu.DatabaseLine(open.Completed));
        saturations[(mode, workload + "@80")] = open;
        if (options.LightRate > 0)
        {
            cpu.Start();
            var lightRate = Math.Max(1, Math.Min(options.LightRate, Math.Round(saturation.Throughput * 0.25)));
            var light = await generator.OpenAsync($"{label} {workload} (light load)", workloads[workload], lightRate, measure);
            report.Point(light, cpu.Stop() + cpu.DatabaseLine(light.Completed));
        }
    }

    foreach (var client in anonymous.Concat(clients))
    {
        client.Dispose();
    }
}

static HttpClient NewClient(Uri baseAddress, int connections) => new(new SocketsHttpHandler
{
    MaxConnectionsPerServer = connections,
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
})
{
    BaseAddress = baseAddress,
    Timeout = TimeSpan.FromSeconds(15),
};

static async Task<string> RegisterAndSignInAsync(HttpClient client, string username)
{
    const string password = "Bench-Passw0rd!x";
    (await client.PostAsJsonAsync("/api/v1/auth/register", new { username, password })).EnsureSuccessStatusCode();
    var response = await client.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "password",
        ["username"] = username,
        ["password"] = password,
    }));
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
}

// From a 201 on an idle host to the booking's notification row written by the event consumers: how long a new
// event takes to reach the consumers (woken by LISTEN/NOTIFY, not found by polling). 20 bookings one by one.
static async Task<string> ConsumerLatencyAsync(HttpClient client, string token, Guid[] resources, string database)
{
    var samples = new List<double>();
    await using var connection = new NpgsqlConnection(database);
    await connection.OpenAsync();
    for (var i = 0; i < 20; i++)
    {
        var start = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(300 - i); // inside the default booking horizon (365 days)
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reservations")
        {
            Content = JsonContent.Create(new { resourceId = resources[i], start, end = start.AddMinutes(30) }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var answered = Stopwatch.GetTimestamp();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"consumer latency booking refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await using var seen = new NpgsqlCommand("SELECT count(*) FROM notifications WHERE reservation_id = @id", connection);
        seen.Parameters.AddWithValue("id", id!);
        while ((long)(await seen.ExecuteScalarAsync())! == 0 && Stopwatch.GetElapsedTime(answered) < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(2);
        }

        samples.Add(Stopwatch.GetElapsedTime(answered).TotalMilliseconds);
        await Task.Delay(500); // idle again before the next one
    }

    samples.Sort();
    return string.Create(CultureInfo.InvariantCulture,
        $"CONSUMER-LATENCY: 201 to the notification stored by the event consumers, 20 bookings one by one on an idle host: p50 {samples[10]:0.0} ms, max {samples[^1]:0.0} ms (polled every 2 ms)");
}

static async Task<string> BaselineTokenAsync(HttpClient client, string username)
{
    var response = await client.PostAsync($"/bench/token?role={(username == "benchadmin" ? "admin" : "user")}", null);
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
}

static async Task<Guid> CreateResourceAsync(HttpClient client, string adminToken, string name)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/resources") { Content = JsonContent.Create(new { name, capacity = 1 }) };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
    using var response = await client.SendAsync(request);
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
}

string RunWrk(Uri baseAddress, int seconds)
{
    var info = new ProcessStartInfo("bash", [Path.Combine(repoRoot, "bench/http/ceiling.sh"), baseAddress.ToString().TrimEnd('/'), seconds.ToString(CultureInfo.InvariantCulture)])
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    using var process = Process.Start(info)!;
    var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
    process.WaitForExit();
    return output.TrimEnd();
}

static string AdminConnection() => Environment.GetEnvironmentVariable("RR_TEST_POSTGRES")
    ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=reserver_test;Pooling=true";

static async Task<string> CreateDatabaseAsync()
{
    var name = "rr_bench_" + Guid.NewGuid().ToString("N")[..12];
    await using (var connection = new NpgsqlConnection(AdminConnection()))
    {
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
    }

    // No pool size: the host's own default (Storage:PostgresMaxPoolSize) is what an operator gets.
    return new NpgsqlConnectionStringBuilder(AdminConnection()) { Database = name }.ConnectionString;
}

static async Task DropDatabaseAsync(string database)
{
    var name = new NpgsqlConnectionStringBuilder(database).Database;
    NpgsqlConnection.ClearAllPools();
    await using var connection = new NpgsqlConnection(AdminConnection());
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
    await command.ExecuteNonQueryAsync();
}

static string FindRepoRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "ResourceReserver.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository (ResourceReserver.sln not found above the tool).");
}
