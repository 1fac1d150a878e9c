using ResourceReserver.Infrastructure.Dispatch;

namespace ResourceReserver.Host.Live;

/// <summary>
/// Pushes availability changes to SignalR subscribers once the dispatcher pass that saw them committed. A durable
/// consumer, so one silo pushes each change and the Redis backplane carries it to clients on every silo. At most
/// once: a lost push only costs a client a refresh; the event log stays the source of truth.
/// </summary>
public sealed class LivePush(ILiveObserver observer, ILogger<LivePush> logger) : IEventConsumer
{
    /// <inheritdoc />
    public string Name => "live-push";

    /// <inheritdoc />
    public bool SkipsHistory => true;

    /// <inheritdoc />
    public Task HandleAsync(EventBatch batch, CancellationToken ct)
    {
        var changes = batch.Events.Select(LiveChange.From).OfType<LiveChange>().ToList();
        if (changes.Count > 0)
        {
            batch.AfterCommit(async () =>
            {
                foreach (var change in changes)
                {
                    try
                    {
                        await observer.PublishAsync(change);
                    }
                    catch (Exception exception)
                    {
                        logger.LogWarning(exception, "Live push of {EventId} failed", change.EventId);
                    }
                }
            });
        }

        return Task.CompletedTask;
    }
}
