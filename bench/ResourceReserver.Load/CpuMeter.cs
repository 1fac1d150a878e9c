using System.Diagnostics;
using System.Globalization;

namespace ResourceReserver.Load;

/// <summary>
/// CPU used during one point, from /proc: the whole machine (busy share of all cores), the host processes, and this
/// generator. What is left (PostgreSQL, Redis, anything else running) is the difference.
/// </summary>
public sealed class CpuMeter(IReadOnlyList<int> hostPids, string? database = null)
{
    private (long Transactions, long Inserted, long Updated) _database;

    private static readonly double ClockTicks = 100.0; // USER_HZ on Linux

    // A backend idle in a pool reports its transactions to pg_stat_database only after about 10 s.
    private static readonly TimeSpan StatisticsDelay = TimeSpan.FromSeconds(11);

    private (long Busy, long Total) _machine;
    private double _hosts;
    private TimeSpan _self;
    private long _started;

    public void Start()
    {
        _machine = Machine();
        _hosts = HostSeconds();
        _self = Process.GetCurrentProcess().TotalProcessorTime;
        _database = DatabaseCounters();
        _started = Stopwatch.GetTimestamp();
    }

    /// <summary>Transactions per request of the last <see cref="DatabaseLine"/>.</summary>
    public double LastTransactionsPerRequest { get; private set; }

    /// <summary>
    /// PostgreSQL transactions and rows written per completed request, from pg_stat_database. Counted until the
    /// event consumers caught up with what the point wrote, so their work after commit is part of the figure.
    /// </summary>
    public string DatabaseLine(long requests)
    {
        if (database is null || requests == 0)
        {
            return "";
        }

        var (caughtUp, polls) = WaitForConsumers(TimeSpan.FromSeconds(120));
        Thread.Sleep(StatisticsDelay);
        var now = DatabaseCounters();

        // Not the meter's own reads in this database: the first counter read, the table check and the polls.
        var transactions = now.Transactions - _database.Transactions - 2 - polls;
        LastTransactionsPerRequest = transactions / (double)requests;
        return (caughtUp ? "" : "; consumers had NOT caught up after 120 s") + string.Create(CultureInfo.InvariantCulture,
            $"; PostgreSQL per request: {transactions / (double)requests:0.00} transactions, "
            + $"{(now.Inserted - _database.Inserted) / (double)requests:0.00} rows inserted, {(now.Updated - _database.Updated) / (double)requests:0.00} rows updated");
    }

    /// <summary>PostgreSQL transactions per second in a database while nothing is asked of it.</summary>
    public static async Task<string> IdleLineAsync(string database, TimeSpan length)
    {
        var meter = new CpuMeter([], database);
        meter.Start();
        await Task.Delay(length);
        await Task.Delay(StatisticsDelay);
        var now = meter.DatabaseCounters();
        return string.Create(CultureInfo.InvariantCulture,
            $"IDLE: {(now.Transactions - meter._database.Transactions - 1) / length.TotalSeconds:0.00} PostgreSQL transactions/s with no traffic ({length.TotalSeconds:0} s, this database, the meter's own reads excluded)");
    }

    /// <summary>Waits until every durable event consumer's cursor reached the end of the log (none: at once).</summary>
    private (bool CaughtUp, int Polls) WaitForConsumers(TimeSpan limit)
    {
        var polls = 0;
        var deadline = DateTime.UtcNow + limit;
        using var connection = new Npgsql.NpgsqlConnection(database);
        connection.Open();
        using (var exists = new Npgsql.NpgsqlCommand("SELECT to_regclass('dispatch_cursors') IS NOT NULL", connection))
        {
            if (exists.ExecuteScalar() is not true)
            {
                return (true, 0);
            }
        }

        using var behind = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM dispatch_cursors c, (SELECT tx, seq FROM events ORDER BY tx DESC, seq DESC LIMIT 1) e WHERE (c.tx, c.seq) < (e.tx, e.seq)", connection);
        while (DateTime.UtcNow < deadline)
        {
            polls++;
            if (Convert.ToInt64(behind.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                return (true, polls);
            }

            Thread.Sleep(200);
        }

        return (false, polls);
    }

    private (long Transactions, long Inserted, long Updated) DatabaseCounters()
    {
        if (database is null)
        {
            return default;
        }

        var name = new Npgsql.NpgsqlConnectionStringBuilder(database).Database;
        using var connection = new Npgsql.NpgsqlConnection(database);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(
            "SELECT xact_commit + xact_rollback, tup_inserted, tup_updated FROM pg_stat_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name!);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>Percentages of one core (200 % = both cores of a 2-core machine).</summary>
    public string Stop()
    {
        var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var machine = Machine();
        var cores = Environment.ProcessorCount;
        var busy = 100.0 * cores * (machine.Busy - _machine.Busy) / Math.Max(1, machine.Total - _machine.Total);
        var hosts = 100.0 * (HostSeconds() - _hosts) / seconds;
        var self = 100.0 * (Process.GetCurrentProcess().TotalProcessorTime - _self).TotalSeconds / seconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"cpu: machine {busy:0}% of {cores * 100}%, host(s) {hosts:0}%, generator {self:0}%, rest (PostgreSQL, Redis, other jobs) {Math.Max(0, busy - hosts - self):0}%");
    }

    private double HostSeconds()
    {
        double total = 0;
        foreach (var pid in hostPids)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                total += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicks;
            }
            catch (IOException)
            {
                // process gone
            }
        }

        return total;
    }

    private static (long Busy, long Total) Machine()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var total = cpu.Sum();
        var idle = cpu[3] + cpu[4];
        return (total - idle, total);
    }
}
