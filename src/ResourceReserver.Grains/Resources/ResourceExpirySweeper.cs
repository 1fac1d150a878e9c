using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResourceReserver.Storage;

namespace ResourceReserver.Resources;

/// <summary>
/// Completes ended reservations by itself: every few minutes it asks the store which resources still hold a
/// reservation that ended and tells each to complete it (<see cref="IResourceGrain.CompleteEndedAsync"/>,
/// idempotent). One query per silo and period instead of a persisted reminder per resource, whose registration
/// cost a write on the first booking of every resource. Every silo sweeps; the grain does the work once.
/// </summary>
public sealed class ResourceExpirySweeper(IResourceStore store, IGrainFactory grains, TimeProvider clock, ILogger<ResourceExpirySweeper> logger) : BackgroundService
{
    /// <summary>A reservation is completed at most about this long after it ended.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(5);

    private const int BatchSize = 500;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                IReadOnlyList<Guid> ended;
                do
                {
                    ended = await store.EndedAsync(clock.GetUtcNow(), BatchSize, stoppingToken);
                    await Task.WhenAll(ended.Select(id => grains.GetGrain<IResourceGrain>(id).CompleteEndedAsync()));
                }
                while (ended.Count == BatchSize && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Completing ended reservations failed; retrying in {Period}", Period);
            }
        }
    }
}
