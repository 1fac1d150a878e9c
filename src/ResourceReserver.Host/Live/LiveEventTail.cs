using ResourceReserver.Host.Notifications;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.Messages;

namespace ResourceReserver.Host.Live;

/// <summary>
/// Feeds this silo's <see cref="LiveEventBus"/> from the shared event log: every committed event, and the personal
/// notifications they make (the same ones, same ids, the durable notification consumer stores). Local to the silo:
/// it starts at the log's end and keeps its place in memory, so every silo's subscribers see everything.
/// </summary>
public sealed class LiveEventTail(LiveEventBus bus, MessageLanguages languages, ApproverNotifications approvers) : IEventConsumer
{
    /// <inheritdoc />
    public string Name => "live";

    /// <inheritdoc />
    public bool IsLocal => true;

    /// <inheritdoc />
    public async Task HandleAsync(EventBatch batch, CancellationToken ct)
    {
        var notifications = new List<LiveNotification>();
        foreach (var domainEvent in batch.Events)
        {
            if (NotificationComposer.ResourceOf(domainEvent) is { } resourceId && NotificationComposer.RecipientOf(domainEvent) is { } userId
                && NotificationComposer.For(
                    domainEvent, (await batch.ResourceAsync(resourceId, ct))?.Details.Name, languages.For(await batch.UserAsync(userId, ct))) is var (notification, _))
            {
                notifications.Add(NotificationComposer.Live(notification));
            }

            notifications.AddRange((await approvers.ForAsync(batch, domainEvent, ct)).Select(n => NotificationComposer.Live(n.Notification)));
        }

        batch.AfterCommit(async () =>
        {
            await bus.PublishEventsAsync(batch.Events);
            foreach (var notification in notifications)
            {
                await bus.PublishNotificationAsync(notification);
            }
        });
    }
}
