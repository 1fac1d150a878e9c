using System.Data.Common;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Infrastructure.Mail;

/// <summary>A message waiting in (or done with) the durable mail queue.</summary>
public sealed record QueuedMail(
    string Key, string Kind, string Recipient, string Subject, string TextBody, string HtmlBody, string? Ics,
    Guid? ReservationId, DateTimeOffset? ReservationStart, DateTimeOffset Due);

/// <summary>
/// The durable mail queue. The key makes every message unique (a confirmation per reservation, a reminder per
/// reservation, lead time and start), so silos that see the same event queue it once; a lease makes one silo
/// send it.
/// </summary>
public sealed class MailOutbox(DbDataSource dataSource)
{
    /// <summary>Queues a message unless its key is already queued; true when this call queued it.</summary>
    public async Task<bool> EnqueueAsync(QueuedMail mail, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await EnqueueAsync(connection, null, mail, now, ct);
    }

    /// <summary>Queues a message inside <paramref name="transaction"/> (a dispatcher pass) unless its key is already queued.</summary>
    public Task<bool> EnqueueAsync(DbTransaction transaction, QueuedMail mail, DateTimeOffset now, CancellationToken ct) =>
        EnqueueAsync(transaction.Connection!, transaction, mail, now, ct);

    private static async Task<bool> EnqueueAsync(DbConnection connection, DbTransaction? transaction, QueuedMail mail, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = connection.Command(
            """
            INSERT INTO mail_outbox (id, kind, recipient, subject, text_body, html_body, ics, reservation_id, reservation_start_ms,
                                     status, attempts, due_ms, lease_ms, sent_ms, last_error, created_ms)
            VALUES (@id, @kind, @to, @subject, @text, @html, @ics, @reservation, @start, 'pending', 0, @due, 0, NULL, NULL, @now)
            ON CONFLICT (id) DO NOTHING
            """, transaction)
            .With("id", mail.Key).With("kind", mail.Kind).With("to", mail.Recipient).With("subject", mail.Subject)
            .With("text", mail.TextBody).With("html", mail.HtmlBody).With("ics", mail.Ics)
            .With("reservation", mail.ReservationId?.ToString()).With("start", mail.ReservationStart?.ToUnixMs())
            .With("due", mail.Due.ToUnixMs()).With("now", now.ToUnixMs());
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Leases up to <paramref name="limit"/> due messages to this caller.</summary>
    public async Task<IReadOnlyList<(QueuedMail Mail, int Attempts)>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var candidates = new List<string>();
        await using (var select = connection.Command(
                         "SELECT id FROM mail_outbox WHERE status = 'pending' AND due_ms <= @now AND lease_ms < @now ORDER BY due_ms LIMIT @limit")
                         .With("now", now.ToUnixMs()).With("limit", limit))
        await using (var reader = await select.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                candidates.Add(reader.GetString(0));
            }
        }

        var claimed = new List<(QueuedMail, int)>();
        foreach (var id in candidates)
        {
            await using var claim = connection.Command(
                "UPDATE mail_outbox SET lease_ms = @until WHERE id = @id AND status = 'pending' AND lease_ms < @now")
                .With("until", (now + lease).ToUnixMs()).With("id", id).With("now", now.ToUnixMs());
            if (await claim.ExecuteNonQueryAsync(ct) == 1)
            {
                claimed.Add(await LoadAsync(connection, id, ct));
            }
        }

        return claimed;
    }

    /// <summary>Records the outcome of an attempt: <c>sent</c>, <c>skipped</c>, <c>failed</c>, or back to <c>pending</c> with a new due time.</summary>
    public async Task CompleteAsync(string key, string status, int attempts, DateTimeOffset due, string? error, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command(
            """
            UPDATE mail_outbox SET status = @status, attempts = @attempts, due_ms = @due, lease_ms = 0, last_error = @error,
                                   sent_ms = CASE WHEN @status = 'sent' THEN @now ELSE sent_ms END
            WHERE id = @id
            """)
            .With("status", status).With("attempts", attempts).With("due", due.ToUnixMs()).With("error", error)
            .With("now", now.ToUnixMs()).With("id", key);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<(QueuedMail, int)> LoadAsync(DbConnection connection, string id, CancellationToken ct)
    {
        await using var command = connection.Command(
            """
            SELECT id, kind, recipient, subject, text_body, html_body, ics, reservation_id, reservation_start_ms, due_ms, attempts
            FROM mail_outbox WHERE id = @id
            """).With("id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var mail = new QueuedMail(
            reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(7) ? null : Guid.Parse(reader.GetString(7)),
            reader.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)));
        return (mail, reader.GetInt32(10));
    }
}
