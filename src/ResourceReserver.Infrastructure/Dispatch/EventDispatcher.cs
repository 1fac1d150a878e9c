using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ResourceReserver.Infrastructure.Dispatch;

/// <summary>
/// Feeds the event log to every <see cref="IEventConsumer"/> after commit, in passes: a pass reads what is new
/// once and hands it, in one transaction, to every consumer (durable ones, whose work and cursors commit with it,
/// only on the silo holding the leader lock; local ones on every silo). A pass starts when a commit wakes it
/// (<see cref="EventSignal"/>), and otherwise only every <see cref="DispatchOptions.IdlePoll"/>, so an idle silo
/// costs the database almost nothing. A consumer that throws rolls its pass back and sits out with a growing
/// pause while the others carry on.
/// </summary>
public sealed class EventDispatcher(
    IEnumerable<IEventConsumer> consumers,
    EventLog log,
    EventSignal signal,
    IOptions<DispatchOptions> options,
    TimeProvider time,
    ILogger<EventDispatcher> logger) : BackgroundService
{
    private readonly List<IEventConsumer> _durable = consumers.Where(c => !c.IsLocal).ToList();
    private readonly List<IEventConsumer> _local = consumers.Where(c => c.IsLocal).ToList();
    private readonly Dictionary<string, (DateTimeOffset Until, int Failures)> _benched = [];
    private LogPosition _localCursor;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var failures = 0;
        var started = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var again = TimeSpan.Zero;
            try
            {
                if (!started)
                {
                    await log.EnsureCursorsAsync(_durable, stoppingToken);
                    _localCursor = await log.GetEndAsync(stoppingToken);
                    started = true;
                }

                again = await PassAsync(settings, stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                failures++;
                again = TimeSpan.FromMilliseconds(Math.Min(5000, 100 * Math.Pow(2, Math.Min(failures, 6))));
                logger.LogWarning(exception, "Event dispatch failed; retrying in {Delay}", again);
            }

            try
            {
                if (again != TimeSpan.Zero)
                {
                    await signal.WaitAsync(again < TimeSpan.Zero ? settings.IdlePoll : again, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass; returns when to run the next one: zero for at once, negative for "when woken".</summary>
    private async Task<TimeSpan> PassAsync(DispatchOptions settings, CancellationToken ct)
    {
        var state = new EventBatch.PassState();
        var transaction = await log.BeginAsync(ct);
        var connection = transaction.Connection!;
        IEventConsumer? running = null;
        bool full, heldBack;
        LogPosition localReached;
        try
        {
            var now = time.GetUtcNow();
            var durable = _durable.Count > 0 && await log.TryLeadAsync(transaction, ct)
                ? _durable.Where(c => !_benched.TryGetValue(c.Name, out var b) || b.Until <= now).ToList()
                : [];
            var cursors = durable.Count > 0 ? await log.ReadCursorsAsync(transaction, ct) : [];
            var from = durable.Select(c => cursors.GetValueOrDefault(c.Name)).Append(_localCursor).Min();
            (var events, heldBack) = await log.ReadAfterAsync(transaction, from, settings.BatchSize, ct);
            full = events.Count == settings.BatchSize;

            // What consumers look up (resource names, users' preferences), read once for the whole pass.
            await log.PrefetchAsync(transaction, state,
                events.Select(e => e.Event.Reservation?.ResourceId ?? e.Event.WaitlistEntry?.ResourceId).OfType<Guid>().ToHashSet(),
                events.Select(e => e.Event.Reservation?.UserId ?? e.Event.WaitlistEntry?.UserId).OfType<Guid>().ToHashSet(), ct);
            var moved = new Dictionary<string, LogPosition>();
            foreach (var consumer in durable)
            {
                var cursor = cursors.GetValueOrDefault(consumer.Name);
                var mine = events.Where(e => e.Position > cursor).ToList();
                if (mine.Count > 0)
                {
                    running = consumer;
                    await consumer.HandleAsync(new EventBatch(mine.Select(e => e.Event).ToList(), transaction, log, state), ct);
                    moved[consumer.Name] = mine[^1].Position;
                }
            }

            running = null;
            var local = events.Where(e => e.Position > _localCursor).ToList();
            if (local.Count == 0 && full && events[^1].Position <= _localCursor)
            {
                // The durable consumers are catching up far behind: the live tail must not wait for them.
                (local, _) = ((await log.ReadAfterAsync(transaction, _localCursor, settings.BatchSize, ct)).Events.ToList(), false);
            }

            foreach (var consumer in _local.Where(_ => local.Count > 0))
            {
                try
                {
                    await consumer.HandleAsync(new EventBatch(local.Select(e => e.Event).ToList(), transaction, log, state), ct);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A local consumer only serves this silo's live subscribers: what it failed on is skipped, not retried.
                    logger.LogWarning(exception, "Local event consumer {Consumer} failed", consumer.Name);
                }
            }

            localReached = local.Count > 0 ? local[^1].Position : _localCursor;
            await log.SaveCursorsAsync(transaction, moved, ct);
            await transaction.CommitAsync(ct);
            foreach (var name in moved.Keys)
            {
                _benched.Remove(name);
            }
        }
        catch (Exception exception) when (running is not null && exception is not OperationCanceledException)
        {
            Bench(running, exception);
            return TimeSpan.Zero;
        }
        finally
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }

        _localCursor = localReached;
        foreach (var action in state.AfterCommit)
        {
            try
            {
                await action();
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Work after an event dispatch failed");
            }
        }

        return full ? TimeSpan.Zero : heldBack ? settings.HeldBackPoll : Timeout.InfiniteTimeSpan;
    }

    private void Bench(IEventConsumer consumer, Exception exception)
    {
        var failures = _benched.GetValueOrDefault(consumer.Name).Failures + 1;
        var pause = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, failures - 1)));
        _benched[consumer.Name] = (time.GetUtcNow() + pause, failures);
        logger.LogWarning(exception, "{Consumer} failed on a batch; it pauses {Pause} while the others carry on", consumer.Name, pause);
    }
}
