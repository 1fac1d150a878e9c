using ResourceReserver.Host.Live;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.Messages;
using ResourceReserver.Infrastructure.Notifications;

namespace ResourceReserver.Host.Notifications;

/// <summary>
/// Writes the in-app feed from reservation events and waitlist offers, in the dispatcher pass's transaction, and
/// pushes each new entry to its user's connections once the pass committed (through the Redis backplane to every
/// silo). Every silo's bus gets the same notifications from its own live tail (<see cref="LiveEventTail"/>).
/// </summary>
public sealed class NotificationConsumer(
    NotificationStore store, HubLiveObserver live, MessageLanguages languages, ApproverNotifications approvers, ILogger<NotificationConsumer> logger) : IEventConsumer
{
    /// <summary>Feed kind of a waitlist offer.</summary>
    public const string WaitlistOfferKind = NotificationComposer.WaitlistOfferKind;

    /// <inheritdoc />
    public string Name => "notifications";

    /// <inheritdoc />
    public async Task HandleAsync(EventBatch batch, CancellationToken ct)
    {
        var made = new List<(Notification, string)>();
        foreach (var domainEvent in batch.Events)
        {
            if (NotificationComposer.ResourceOf(domainEvent) is { } resourceId && NotificationComposer.RecipientOf(domainEvent) is { } userId
                && NotificationComposer.For(
                    domainEvent, (await batch.ResourceAsync(resourceId, ct))?.Details.Name, languages.For(await batch.UserAsync(userId, ct))) is { } notification)
            {
                made.Add(notification);
            }

            made.AddRange(await approvers.ForAsync(batch, domainEvent, ct));
        }

        var added = made.Count == 0 ? [] : await store.AddAsync(batch.Transaction, made, ct);

        if (added.Count > 0)
        {
            batch.AfterCommit(() => PushAsync(added));
        }
    }

    private async Task PushAsync(IReadOnlyList<Notification> added)
    {
        foreach (var notification in added)
        {
            try
            {
                await live.NotifyAsync(notification.UserId, NotificationComposer.Live(notification));
            }
            catch (Exception exception)
            {
                // The feed has it; the live push is a courtesy.
                logger.LogWarning(exception, "Live push of notification {Id} failed", notification.Id);
            }
        }
    }
}
