using System.Text.Json;
using ResourceReserver.Events;
using ResourceReserver.Infrastructure.Dispatch;

namespace ResourceReserver.Infrastructure.Webhooks;

/// <summary>
/// Queues one delivery per event and subscribed active webhook. The (webhook, event) key keeps it to one even
/// when several silos see the event; webhooks only get events that happened after they were created.
/// </summary>
public sealed class WebhookConsumer(WebhookStore store, TimeProvider time) : IEventConsumer
{
    /// <inheritdoc />
    public string Name => "webhooks";

    /// <inheritdoc />
    public async Task HandleAsync(EventBatch batch, CancellationToken ct)
    {
        var hooks = (await store.ListAsync(batch.Transaction, ct)).Where(h => h.Active).ToList();
        if (hooks.Count == 0)
        {
            return;
        }

        foreach (var domainEvent in batch.Events)
        {
            string? payload = null;
            foreach (var hook in hooks.Where(h => h.Events.Contains(domainEvent.Type) && domainEvent.OccurredAt >= h.CreatedAt))
            {
                payload ??= Payload(domainEvent.Type, domainEvent.Id.ToString(), domainEvent.OccurredAt, new
                {
                    entityType = domainEvent.EntityType,
                    entityId = domainEvent.EntityId,
                    actorId = domainEvent.ActorId,
                    reservation = domainEvent.Reservation,
                    resource = domainEvent.Resource,
                    user = domainEvent.User,
                    waitlistEntry = domainEvent.WaitlistEntry,
                    detail = domainEvent.Detail,
                });
                await store.EnqueueAsync(batch.Transaction, hook.Id, domainEvent.Id.ToString(), domainEvent.Type, payload, time.GetUtcNow(), ct);
            }
        }
    }

    /// <summary>The JSON body of a delivery (the Standard Webhooks envelope).</summary>
    public static string Payload(string type, string eventId, DateTimeOffset at, object data) =>
        JsonSerializer.Serialize(new { type, eventId, timestamp = at, data }, JsonSerializerOptions.Web);
}
