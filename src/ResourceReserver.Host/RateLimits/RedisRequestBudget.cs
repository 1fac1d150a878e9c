using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace ResourceReserver.Host.RateLimits;

/// <summary>
/// Fixed windows counted in Redis (RedisRateLimiting's fixed-window limiter, one Lua script per request), so every
/// silo of the cluster spends from one budget per partition. Keys are prefixed with the cluster id, so clusters
/// sharing a Redis never share budgets.
/// <para>
/// Redis unreachable: the request is counted in this silo's memory instead (<see cref="LocalRequestBudget"/>). That
/// fails open for the cluster-wide count (with N silos a caller may get up to N budgets) but never stops the
/// service or answers 500: a limiter protects the service, so it must not take the service down with it, and each
/// silo still caps what one caller can make it do. The connection fails fast while Redis is away (no queueing), so
/// requests do not wait for it.
/// </para>
/// </summary>
public sealed class RedisRequestBudget : IRequestBudget, IDisposable
{
    private readonly PartitionedRateLimiter<(string Partition, int Limit)> _limiter;
    private readonly LocalRequestBudget _fallback;
    private readonly Lazy<IConnectionMultiplexer> _connection;
    private readonly ILogger<RedisRequestBudget> _logger;
    private readonly string _prefix;
    private long _lastWarning;

    /// <summary>Connects lazily to <paramref name="redis"/>; partitions are prefixed with <paramref name="clusterId"/>.</summary>
    public RedisRequestBudget(string redis, string clusterId, TimeSpan window, TimeProvider clock, ILogger<RedisRequestBudget> logger)
    {
        _logger = logger;
        _prefix = $"rr:{clusterId}:";
        _fallback = new LocalRequestBudget(window, clock);
        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = 2000;
        options.AsyncTimeout = 2000;
        _connection = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
        _limiter = PartitionedRateLimiter.Create<(string Partition, int Limit), (string, int)>(key =>
            RedisRateLimitPartition.GetFixedWindowRateLimiter(key, k => new RedisFixedWindowRateLimiterOptions
            {
                PermitLimit = k.Item2,
                Window = window,
                ConnectionMultiplexerFactory = () => _connection.Value,
            }));
    }

    /// <inheritdoc />
    public async ValueTask<BudgetAnswer> SpendAsync(string partition, int limit)
    {
        try
        {
            using var lease = await _limiter.AcquireAsync((_prefix + partition, limit));
            var remaining = lease.TryGetMetadata(RateLimitMetadataName.Remaining, out var left) ? (int)left : 0;
            var resetIn = lease.TryGetMetadata(RateLimitMetadataName.RetryAfter, out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
            return new BudgetAnswer(lease.IsAcquired, limit, remaining, resetIn);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            if (Environment.TickCount64 - Interlocked.Read(ref _lastWarning) > 60_000)
            {
                Interlocked.Exchange(ref _lastWarning, Environment.TickCount64);
                _logger.LogWarning(exception, "Redis is unreachable; rate limits are counted per silo until it is back");
            }

            return await _fallback.SpendAsync(partition, limit);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _limiter.Dispose();
        if (_connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }
    }
}
