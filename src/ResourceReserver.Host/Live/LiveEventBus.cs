using System.Collections.Immutable;
using ResourceReserver.Events;

namespace ResourceReserver.Host.Live;

/// <summary>
/// This silo's in-process fan-out of what happened, for whatever is connected here: web UI circuits and the
/// live hub. Every silo tails the shared event log itself (<see cref="LiveEventTail"/>), so a subscriber on
/// any silo sees events written through every silo, with no message broker in between.
/// </summary>
public sealed class LiveEventBus(ILogger<LiveEventBus> logger)
{
    private ImmutableArray<Subscription> _subscriptions = [];

    /// <summary>
    /// Calls <paramref name="onEvents"/> with every batch of committed domain events (whole: for server-side code only,
    /// never to be forwarded to a browser as they are), in log order, and
    /// <paramref name="onNotification"/> with every personal notification published on this silo. Handlers must
    /// be quick and must not throw (a throw is logged and ignored); dispose the result to stop.
    /// </summary>
    public IDisposable Subscribe(Func<IReadOnlyList<DomainEvent>, Task>? onEvents = null, Func<LiveNotification, Task>? onNotification = null)
    {
        var subscription = new Subscription(this, onEvents, onNotification);
        ImmutableInterlocked.Update(ref _subscriptions, s => s.Add(subscription));
        return subscription;
    }

    /// <summary>
    /// Calls <paramref name="onChanges"/> with the availability changes of every batch, as <paramref name="viewerId"/>
    /// may see them (<see cref="LiveChange.For"/>): what pages and hub connections that show availability subscribe to.
    /// </summary>
    public IDisposable SubscribeAvailability(Guid? viewerId, bool seesOwners, Func<IReadOnlyList<LiveChange>, Task> onChanges) =>
        Subscribe(onEvents: events =>
        {
            var changes = events.Select(LiveChange.From).OfType<LiveChange>().Select(c => c.For(viewerId, seesOwners)).ToList();
            return changes.Count == 0 ? Task.CompletedTask : onChanges(changes);
        });

    /// <summary>Hands committed events to every subscriber.</summary>
    public Task PublishEventsAsync(IReadOnlyList<DomainEvent> events) =>
        events.Count == 0 ? Task.CompletedTask : FanOutAsync(s => s.OnEvents is { } handler ? handler(events) : Task.CompletedTask);

    /// <summary>Hands a personal notification to every subscriber.</summary>
    public Task PublishNotificationAsync(LiveNotification notification) =>
        FanOutAsync(s => s.OnNotification is { } handler ? handler(notification) : Task.CompletedTask);

    private async Task FanOutAsync(Func<Subscription, Task> deliver)
    {
        foreach (var subscription in _subscriptions)
        {
            try
            {
                await deliver(subscription);
            }
            catch (Exception exception)
            {
                // One broken page must not keep the others from hearing about a change.
                logger.LogWarning(exception, "A live subscriber failed");
            }
        }
    }

    private sealed class Subscription(
        LiveEventBus bus, Func<IReadOnlyList<DomainEvent>, Task>? onEvents, Func<LiveNotification, Task>? onNotification) : IDisposable
    {
        public Func<IReadOnlyList<DomainEvent>, Task>? OnEvents => onEvents;

        public Func<LiveNotification, Task>? OnNotification => onNotification;

        public void Dispose() => ImmutableInterlocked.Update(ref bus._subscriptions, s => s.Remove(this));
    }
}
