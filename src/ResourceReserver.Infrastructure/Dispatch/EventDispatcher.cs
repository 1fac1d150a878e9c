using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ResourceReserver.Infrastructure.Dispatch;

/// <summary>
/// Feeds the event log to every <see cref="IEventConsumer"/>, each from its own persisted cursor. Events are
/// handled at least once: within the settle window they may be seen again after a restart, and every silo runs
/// the same loop, so consumers rely on unique keys, never on being alone.
/// </summary>
public sealed class EventDispatcher(
    IEnumerable<IEventConsumer> consumers,
    EventLog log,
    IOptions<DispatchOptions> options,
    TimeProvider time,
    ILogger<EventDispatcher> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(consumers.Select(c => Task.Run(() => RunAsync(c, stoppingToken), stoppingToken)));

    private async Task RunAsync(IEventConsumer consumer, CancellationToken ct)
    {
        var settings = options.Value;
        long cursor = -1;
        var handled = new HashSet<long>();
        var checkpoints = new Queue<(DateTimeOffset At, long Seq)>();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (cursor < 0)
                {
                    cursor = consumer.IsLocal ? await log.GetEndAsync(ct) : await log.GetCursorAsync(consumer.Name, ct);
                }

                var batch = await log.ReadAfterAsync(cursor, settings.BatchSize, ct);
                var reached = await HandleBatchAsync(consumer, batch, handled, cursor, ct);
                checkpoints.Enqueue((time.GetUtcNow(), reached));
                cursor = await SettleAsync(consumer, checkpoints, handled, cursor, settings.SettleTime, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Dispatch to {Consumer} failed; retrying", consumer.Name);
            }

            try
            {
                await Task.Delay(settings.PollInterval, time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Handles what is new; returns the position up to which everything is handled.</summary>
    private async Task<long> HandleBatchAsync(IEventConsumer consumer, IReadOnlyList<LoggedEvent> batch, HashSet<long> handled, long cursor, CancellationToken ct)
    {
        var reached = cursor;
        foreach (var entry in batch)
        {
            if (!handled.Contains(entry.Seq))
            {
                try
                {
                    await consumer.HandleAsync(entry.Event, ct);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "{Consumer} failed on event {EventId}; will retry", consumer.Name, entry.Event.Id);
                    return reached;
                }

                handled.Add(entry.Seq);
            }

            reached = entry.Seq;
        }

        return reached;
    }

    private async Task<long> SettleAsync(
        IEventConsumer consumer, Queue<(DateTimeOffset At, long Seq)> checkpoints, HashSet<long> handled, long cursor, TimeSpan settle, CancellationToken ct)
    {
        var settled = cursor;
        while (checkpoints.TryPeek(out var oldest) && time.GetUtcNow() - oldest.At >= settle)
        {
            settled = Math.Max(settled, checkpoints.Dequeue().Seq);
        }

        if (settled > cursor)
        {
            if (!consumer.IsLocal)
            {
                await log.SaveCursorAsync(consumer.Name, settled, ct);
            }

            handled.RemoveWhere(seq => seq <= settled);
        }

        return settled;
    }
}
