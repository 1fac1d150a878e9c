// Search suggestions over 10,000 resources (issue 15): latency of GET /search/suggestions' service on SQLite, and on
// PostgreSQL when RR_TEST_POSTGRES names a server. Not a test: prints median and p95 per query kind.
//   dotnet run -c Release --project bench/ResourceReserver.SuggestBench [resources]
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ResourceReserver.Host.Organisation;
using ResourceReserver.Infrastructure.Organisation;
using ResourceReserver.Infrastructure.Postgres;
using ResourceReserver.Infrastructure.Schema;

var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
var directory = Path.Combine(Path.GetTempPath(), "rr-suggest-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(directory);
try
{
    var sqlite = SqliteDataSource.Create(Path.Combine(directory, "bench.db"));
    await new MigrationRunner(sqlite, SqlDialect.Sqlite, NullLogger<MigrationRunner>.Instance).ApplyAsync();
    await RunAsync("SQLite", sqlite, count);
    await sqlite.DisposeAsync();

    if (Environment.GetEnvironmentVariable("RR_TEST_POSTGRES") is { Length: > 0 } server)
    {
        var schema = "rr_suggest_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = NpgsqlDataSource.Create(server))
        {
            await using var create = admin.CreateCommand($"CREATE SCHEMA {schema}");
            await create.ExecuteNonQueryAsync();
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
        await PostgresDatabase.MigrateAsync(connection);
        await using (var postgres = NpgsqlDataSource.Create(connection))
        {
            await RunAsync("PostgreSQL", postgres, count);
        }

        await using var cleanup = NpgsqlDataSource.Create(server);
        await using var drop = cleanup.CreateCommand($"DROP SCHEMA {schema} CASCADE");
        await drop.ExecuteNonQueryAsync();
    }
}
finally
{
    Directory.Delete(directory, recursive: true);
}

static async Task RunAsync(string database, DbDataSource source, int count)
{
    var random = new Random(15);
    var words = new[] { "north", "south", "studio", "board", "meeting", "focus", "quiet", "garden", "harbour", "summit", "lab", "desk", "parking", "atrium" };
    var names = Enumerable.Range(0, count).Select(i => $"{words[random.Next(words.Length)]} {words[random.Next(words.Length)]} {i:D5}").ToList();
    await SeedAsync(source, names, words);
    var service = new SuggestionService(new SuggestionTerms(source), TimeProvider.System);

    string Typo(string word)
    {
        var at = random.Next(1, word.Length - 1);
        return word[..at] + (word[at] == 'x' ? 'y' : 'x') + word[(at + 1)..];
    }

    var kinds = new (string Kind, Func<string> Query)[]
    {
        ("prefix (2-5 letters)", () => names[random.Next(names.Count)][..random.Next(2, 6)]),
        ("typo (one letter wrong)", () => Typo(words[random.Next(words.Length)] is { Length: >= 5 } w ? w : "meeting")),
    };
    Console.WriteLine($"{database}: {count:N0} resources, {words.Length * 3} tags, 60 groups, 40 labels");
    foreach (var (kind, query) in kinds)
    {
        for (var i = 0; i < 20; i++)
        {
            await service.SuggestAsync(query());
        }

        var timings = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            var q = query();
            var watch = Stopwatch.StartNew();
            var answer = await service.SuggestAsync(q);
            timings.Add(watch.Elapsed.TotalMilliseconds);
            if (!answer.IsSuccess || answer.Value!.Count == 0)
            {
                throw new InvalidOperationException($"No suggestion for '{q}'.");
            }
        }

        timings.Sort();
        Console.WriteLine($"  {kind,-26} median {timings[timings.Count / 2]:F2} ms   p95 {timings[(int)(timings.Count * 0.95)]:F2} ms   max {timings[^1]:F2} ms");
    }
}

static async Task SeedAsync(DbDataSource source, List<string> names, string[] words)
{
    await using var connection = await source.OpenConnectionAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    async Task ExecAsync(string sql, params (string, object?)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    for (var i = 0; i < names.Count; i++)
    {
        var id = Guid.NewGuid().ToString();
        var payload = System.Text.Json.JsonSerializer.Serialize(new { details = new { name = names[i] } });
        await ExecAsync("INSERT INTO resources (id, name_key, search_text, status, capacity, deleted, version, payload) VALUES (@id, @k, @k, 'available', 1, 0, 1, @p)",
            ("id", id), ("k", names[i].ToLowerInvariant()), ("p", payload));
        await ExecAsync("INSERT INTO resource_tags (resource_id, tag) VALUES (@id, @t)", ("id", id), ("t", $"{words[i % words.Length]}-{i % 3}"));
    }

    for (var i = 0; i < 60; i++)
    {
        await ExecAsync("INSERT INTO resource_groups (id, name, name_key, kind, parent_id, description, created_ms, updated_ms) VALUES (@id, @n, @k, 'floor', NULL, NULL, 0, 0)",
            ("id", Guid.NewGuid().ToString()), ("n", $"Building {words[i % words.Length]} {i}"), ("k", $"building {words[i % words.Length]} {i}"));
    }

    for (var i = 0; i < 40; i++)
    {
        await ExecAsync("INSERT INTO labels (id, category, value, label_key, color) VALUES (@id, 'equipment', @v, @k, '#000000')",
            ("id", Guid.NewGuid().ToString()), ("v", $"{words[i % words.Length]} kit {i}"), ("k", $"equipment\n{words[i % words.Length]} kit {i}"));
    }

    await transaction.CommitAsync();
}
