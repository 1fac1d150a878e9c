using System.Diagnostics;
using System.Globalization;

namespace ResourceReserver.Load;

/// <summary>Builds one request; called from many threads, each with its own <see cref="Random"/>.</summary>
public delegate HttpRequestMessage RequestFactory(Random random);

/// <summary>What one measured point produced.</summary>
public sealed record PointResult(
    string Name,
    string Loop,
    double OfferedPerSecond,
    double Seconds,
    long Completed,
    long Created,
    long Conflicts,
    long Other,
    long Errors,
    long Skipped,
    double[] Percentiles,
    double MaxMs,
    string OtherStatuses,
    string Histogram)
{
    public static readonly double[] Quantiles = [0.50, 0.90, 0.99, 0.999];

    public double Throughput => Completed / Seconds;

    /// <summary>Every response that is neither 2xx nor 409, plus transport errors and timeouts (15 s).</summary>
    public long Bad => Other + Errors;

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{Name} {Loop}: {Throughput:0} req/s (offered {(OfferedPerSecond > 0 ? OfferedPerSecond.ToString("0", CultureInfo.InvariantCulture) : "closed loop")}), "
        + $"p50 {Percentiles[0]:0.00} ms, p90 {Percentiles[1]:0.00} ms, p99 {Percentiles[2]:0.00} ms, p99.9 {Percentiles[3]:0.00} ms, max {MaxMs:0.0} ms; "
        + $"2xx {Created}, 409 {Conflicts}, other {Other}{OtherStatuses}, errors {Errors}, not sent {Skipped}; {Completed} in {Seconds:0} s");
}

/// <summary>
/// Closed loop (N workers back to back: the saturation throughput) and open loop (requests issued on a fixed
/// schedule whatever the server does; latency counted from the scheduled instant, so queueing is not hidden).
/// Latencies are kept exactly (one long per request) and reported as percentiles and a log-scale histogram.
/// </summary>
public sealed class LoadGenerator(IReadOnlyList<HttpClient> clients)
{
    private static readonly double TicksPerMs = Stopwatch.Frequency / 1000.0;

    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Closed loop with <paramref name="workers"/> concurrent requests for <paramref name="measure"/> after the warm-up.</summary>
    public async Task<PointResult> ClosedAsync(string name, RequestFactory factory, int workers, TimeSpan measure)
    {
        var recorder = new Recorder(1 << 16);
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(WarmUp.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(measure.TotalSeconds * Stopwatch.Frequency);
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(Random.Shared.Next());
            var client = clients[w % clients.Count];
            while (true)
            {
                var sent = Stopwatch.GetTimestamp();
                if (sent >= end)
                {
                    return;
                }

                var status = await SendAsync(client, factory(random));
                if (sent >= measureFrom)
                {
                    recorder.Add(Stopwatch.GetTimestamp() - sent, status);
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        return recorder.Result(name, "closed", 0, measure.TotalSeconds);
    }

    /// <summary>Open loop at <paramref name="perSecond"/> for <paramref name="measure"/> after a warm-up at the same rate.</summary>
    public async Task<PointResult> OpenAsync(string name, RequestFactory factory, double perSecond, TimeSpan measure, int maxOutstanding = 4096)
    {
        var recorder = new Recorder((int)Math.Min(int.MaxValue / 2, perSecond * measure.TotalSeconds * 1.1 + 1024));
        var random = new Random(Random.Shared.Next());
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(WarmUp.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(measure.TotalSeconds * Stopwatch.Frequency);
        var interval = Stopwatch.Frequency / perSecond;
        var outstanding = 0;
        var inFlight = new List<Task>();
        long skipped = 0;
        for (long i = 0; ; i++)
        {
            var due = start + (long)(i * interval);
            if (due >= end)
            {
                break;
            }

            var now = Stopwatch.GetTimestamp();
            if (due - now > TicksPerMs)
            {
                await Task.Delay(TimeSpan.FromTicks((due - now) * TimeSpan.TicksPerSecond / Stopwatch.Frequency));
            }

            if (Volatile.Read(ref outstanding) >= maxOutstanding)
            {
                if (due >= measureFrom)
                {
                    skipped++;
                }

                continue;
            }

            var request = factory(random);
            var client = clients[(int)(i % clients.Count)];
            var measured = due >= measureFrom;
            Interlocked.Increment(ref outstanding);
            inFlight.Add(Issue(client, request, due, measured));
            if (inFlight.Count > 8192)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(inFlight);
        var result = recorder.Result(name, "open", perSecond, measure.TotalSeconds);
        return result with { Skipped = skipped };

        async Task Issue(HttpClient client, HttpRequestMessage request, long due, bool measured)
        {
            await Task.Yield();
            var status = await SendAsync(client, request);
            Interlocked.Decrement(ref outstanding);
            if (measured)
            {
                recorder.Add(Stopwatch.GetTimestamp() - due, status);
            }
        }
    }

    private static async Task<int> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        try
        {
            using (request)
            using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
            {
                await response.Content.LoadIntoBufferAsync();
                return (int)response.StatusCode;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return -1;
        }
    }

    /// <summary>Exact latencies (Stopwatch ticks) and status counts, thread-safe.</summary>
    private sealed class Recorder(int capacity)
    {
        private readonly Lock _gate = new();
        private readonly List<long> _latencies = new(capacity);
        private readonly Dictionary<int, long> _statuses = [];

        public void Add(long ticks, int status)
        {
            lock (_gate)
            {
                _latencies.Add(ticks);
                _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
            }
        }

        public PointResult Result(string name, string loop, double offered, double seconds)
        {
            lock (_gate)
            {
                _latencies.Sort();
                var ms = _latencies.Select(t => t / TicksPerMs).ToArray();
                var percentiles = PointResult.Quantiles.Select(q => ms.Length == 0 ? double.NaN : ms[Math.Min(ms.Length - 1, (int)Math.Ceiling(q * ms.Length) - 1)]).ToArray();
                long created = 0, conflicts = 0, other = 0, errors = 0;
                var others = new List<string>();
                foreach (var (status, count) in _statuses.OrderBy(s => s.Key))
                {
                    if (status is >= 200 and < 300)
                    {
                        created += count;
                    }
                    else if (status == 409)
                    {
                        conflicts += count;
                    }
                    else if (status < 0)
                    {
                        errors += count;
                    }
                    else
                    {
                        other += count;
                        others.Add($"{status}×{count}");
                    }
                }

                return new PointResult(name, loop, offered, seconds, ms.Length, created, conflicts, other, errors, 0,
                    percentiles, ms.Length == 0 ? double.NaN : ms[^1], others.Count == 0 ? "" : $" ({string.Join(", ", others)})", FormatHistogram(ms));
            }
        }

        private static string FormatHistogram(double[] sortedMs)
        {
            // Log-scale buckets 0.1 ms .. 10 s, 4 per decade.
            var lines = new List<string>();
            var lower = 0.0;
            var index = 0;
            for (var edge = 0.1; edge <= 10_000 && index < sortedMs.Length; edge *= Math.Pow(10, 0.25))
            {
                var count = 0;
                while (index < sortedMs.Length && sortedMs[index] <= edge)
                {
                    count++;
                    index++;
                }

                if (count > 0)
                {
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {lower,9:0.00}–{edge,9:0.00} ms {count,9} {new string('#', (int)Math.Ceiling(60.0 * count / sortedMs.Length))}"));
                }

                lower = edge;
            }

            if (index < sortedMs.Length)
            {
                lines.Add($"  > 10 s {sortedMs.Length - index}");
            }

            return string.Join('\n', lines);
        }
    }
}
