using System.Data.Common;
using ResourceReserver.Audit;
using ResourceReserver.Infrastructure.Audit;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Infrastructure.Webhooks;

/// <summary>One attempt series of sending one event to one webhook.</summary>
public sealed record WebhookDelivery(
    Guid Id, Guid WebhookId, string EventId, string EventType, string Status, int Attempts, DateTimeOffset NextAttemptAt,
    int? LastStatusCode, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed partial class WebhookStore
{
    private const string DeliveryColumns = "id, webhook_id, event_id, event_type, status, attempts, due_ms, last_status, last_error, created_ms, updated_ms";

    /// <summary>Queues a delivery unless this event is already queued for this webhook; true when this call queued it.</summary>
    public Task<bool> EnqueueAsync(Guid webhookId, string eventId, string eventType, string payload, DateTimeOffset now, AuditEntry audit, CancellationToken ct) =>
        AuditedWrite.RunAsync(dataSource, audit, transaction => EnqueueAsync(transaction.Connection!, transaction, webhookId, eventId, eventType, payload, now, ct), ct);

    /// <summary>Queues a delivery inside <paramref name="transaction"/> (a dispatcher pass) unless already queued.</summary>
    public Task<bool> EnqueueAsync(DbTransaction transaction, Guid webhookId, string eventId, string eventType, string payload, DateTimeOffset now, CancellationToken ct) =>
        EnqueueAsync(transaction.Connection!, transaction, webhookId, eventId, eventType, payload, now, ct);

    private static async Task<bool> EnqueueAsync(
        DbConnection connection, DbTransaction? transaction, Guid webhookId, string eventId, string eventType, string payload, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = connection.Command(
            """
            INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, payload, status, attempts, due_ms, lease_ms, created_ms, updated_ms)
            VALUES (@id, @hook, @event, @type, @payload, 'pending', 0, @now, 0, @now, @now)
            ON CONFLICT (webhook_id, event_id) DO NOTHING
            """, transaction)
            .With("id", Guid.CreateVersion7().ToString()).With("hook", webhookId.ToString()).With("event", eventId)
            .With("type", eventType).With("payload", payload).With("now", now.ToUnixMs());
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Leases due deliveries to this caller; returns them with payload and attempts so far.</summary>
    public async Task<IReadOnlyList<(WebhookDelivery Delivery, string Payload)>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var candidates = new List<string>();
        await using (var select = connection.Command(
                         "SELECT id FROM webhook_deliveries WHERE status = 'pending' AND due_ms <= @now AND lease_ms < @now ORDER BY due_ms LIMIT @limit")
                         .With("now", now.ToUnixMs()).With("limit", limit))
        await using (var reader = await select.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                candidates.Add(reader.GetString(0));
            }
        }

        var claimed = new List<(WebhookDelivery, string)>();
        foreach (var id in candidates)
        {
            await using var claim = connection.Command(
                "UPDATE webhook_deliveries SET lease_ms = @until WHERE id = @id AND status = 'pending' AND lease_ms < @now")
                .With("until", (now + lease).ToUnixMs()).With("id", id).With("now", now.ToUnixMs());
            if (await claim.ExecuteNonQueryAsync(ct) == 1)
            {
                await using var load = connection.Command($"SELECT {DeliveryColumns}, payload FROM webhook_deliveries WHERE id = @id").With("id", id);
                await using var reader = await load.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                claimed.Add((ReadDelivery(reader), reader.GetString(11)));
            }
        }

        return claimed;
    }

    /// <summary>Records an attempt's outcome.</summary>
    public async Task CompleteAsync(Guid id, string status, int attempts, DateTimeOffset due, int? statusCode, string? error, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command(
            """
            UPDATE webhook_deliveries SET status = @status, attempts = @attempts, due_ms = @due, lease_ms = 0,
                                          last_status = @code, last_error = @error, updated_ms = @now
            WHERE id = @id
            """)
            .With("status", status).With("attempts", attempts).With("due", due.ToUnixMs()).With("code", statusCode)
            .With("error", error).With("now", now.ToUnixMs()).With("id", id.ToString());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Puts a delivery of this webhook back in the queue, due now; false when there is no such delivery.</summary>
    public Task<bool> RetryNowAsync(Guid webhookId, Guid deliveryId, DateTimeOffset now, AuditEntry audit, CancellationToken ct) =>
        AuditedWrite.RunAsync(dataSource, audit, async transaction => await AuditedWrite.ExecuteAsync(transaction,
            "UPDATE webhook_deliveries SET status = 'pending', due_ms = @now, lease_ms = 0, updated_ms = @now WHERE id = @id AND webhook_id = @hook", ct,
            ("now", now.ToUnixMs()), ("id", deliveryId.ToString()), ("hook", webhookId.ToString())) == 1, ct);

    /// <summary>A webhook's deliveries, newest first.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(Guid webhookId, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command(
            $"SELECT {DeliveryColumns} FROM webhook_deliveries WHERE webhook_id = @hook ORDER BY created_ms DESC, id DESC LIMIT @limit")
            .With("hook", webhookId.ToString()).With("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var deliveries = new List<WebhookDelivery>();
        while (await reader.ReadAsync(ct))
        {
            deliveries.Add(ReadDelivery(reader));
        }

        return deliveries;
    }

    private static WebhookDelivery ReadDelivery(DbDataReader r) => new(
        Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4), Convert.ToInt32(r.GetValue(5)),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)), r.IsDBNull(7) ? null : Convert.ToInt32(r.GetValue(7)), r.IsDBNull(8) ? null : r.GetString(8),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(9)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(10)));
}
