using System.Collections.Concurrent;

namespace ResourceReserver.Host.RateLimits;

/// <summary>
/// Fixed windows in this process's memory: the embedded mode's only silo, and the fallback of
/// <see cref="RedisRequestBudget"/> while Redis cannot be reached. Same semantics as the Redis windows: a window
/// starts with its partition's first request and lasts <see cref="RateLimitOptions.Window"/>.
/// </summary>
public sealed class LocalRequestBudget(TimeSpan window, TimeProvider clock) : IRequestBudget
{
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, Counter> _windows = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<BudgetAnswer> SpendAsync(string partition, int limit)
    {
        var now = clock.GetUtcNow();
        if (_windows.Count > SweepAbove)
        {
            Sweep(now);
        }

        var counter = _windows.GetOrAdd(partition, _ => new Counter());
        lock (counter)
        {
            if (counter.EndsAt <= now)
            {
                counter.EndsAt = now + window;
                counter.Used = 0;
            }

            var allowed = counter.Used < limit;
            if (allowed)
            {
                counter.Used++;
            }

            return ValueTask.FromResult(new BudgetAnswer(allowed, limit, Math.Max(0, limit - counter.Used), counter.EndsAt - now));
        }
    }

    // Ended windows of partitions that went quiet (one-off IPs) would otherwise be kept for ever.
    private void Sweep(DateTimeOffset now)
    {
        foreach (var (partition, counter) in _windows)
        {
            if (counter.EndsAt <= now)
            {
                _windows.TryRemove(new KeyValuePair<string, Counter>(partition, counter));
            }
        }
    }

    private sealed class Counter
    {
        public DateTimeOffset EndsAt { get; set; }

        public int Used { get; set; }
    }
}
