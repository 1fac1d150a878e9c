using System.Data.Common;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Infrastructure.Reminders;

/// <summary>A reminder of one reservation at one lead time, for the start it had when scheduled.</summary>
public sealed record ScheduledReminder(string Key, Guid ReservationId, Guid UserId, int LeadHours, DateTimeOffset ReservationStart, DateTimeOffset Due)
{
    /// <summary>The key: reservation, lead time and start, so a moved reservation gets new reminders.</summary>
    public static string KeyOf(Guid reservationId, int leadHours, DateTimeOffset start) =>
        $"{reservationId}:reminder:{leadHours}:{start.ToUnixTimeMilliseconds()}";
}

/// <summary>The durable reminder schedule: unique per key, leased to one silo when due, then <c>sent</c> or <c>skipped</c>.</summary>
public sealed class ReminderStore(DbDataSource dataSource)
{
    /// <summary>Schedules reminders in a dispatcher pass, in one round trip, except those whose key exists (in any status).</summary>
    public async Task ScheduleAsync(DbTransaction transaction, IEnumerable<ScheduledReminder> reminders, DateTimeOffset now, CancellationToken ct)
    {
        var batch = new SqlBatch(transaction);
        foreach (var reminder in reminders)
        {
            batch.Add(
                """
                INSERT INTO reminders (id, reservation_id, user_id, lead_hours, reservation_start_ms, status, due_ms, lease_ms, created_ms, done_ms)
                VALUES (@id, @reservation, @user, @lead, @start, 'pending', @due, 0, @now, NULL)
                ON CONFLICT (id) DO NOTHING
                """,
                ("id", reminder.Key), ("reservation", reminder.ReservationId.ToString()), ("user", reminder.UserId.ToString()),
                ("lead", reminder.LeadHours), ("start", reminder.ReservationStart.ToUnixMs()), ("due", reminder.Due.ToUnixMs()), ("now", now.ToUnixMs()));
        }

        await batch.ExecuteAsync(ct);
    }

    /// <summary>Leases up to <paramref name="limit"/> due reminders to this caller.</summary>
    public async Task<IReadOnlyList<ScheduledReminder>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var due = new List<ScheduledReminder>();
        await using (var select = connection.Command(
                         """
                         SELECT id, reservation_id, user_id, lead_hours, reservation_start_ms, due_ms FROM reminders
                         WHERE status = 'pending' AND due_ms <= @now AND lease_ms < @now ORDER BY due_ms LIMIT @limit
                         """).With("now", now.ToUnixMs()).With("limit", limit))
        await using (var reader = await select.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                due.Add(new ScheduledReminder(
                    reader.GetString(0), Guid.Parse(reader.GetString(1)), Guid.Parse(reader.GetString(2)), Convert.ToInt32(reader.GetValue(3)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
            }
        }

        var claimed = new List<ScheduledReminder>();
        foreach (var reminder in due)
        {
            // The conditional update is the lock: of two silos reading the same row, only one changes it.
            await using var claim = connection.Command(
                "UPDATE reminders SET lease_ms = @until WHERE id = @id AND status = 'pending' AND lease_ms < @now")
                .With("until", (now + lease).ToUnixMs()).With("id", reminder.Key).With("now", now.ToUnixMs());
            if (await claim.ExecuteNonQueryAsync(ct) == 1)
            {
                claimed.Add(reminder);
            }
        }

        return claimed;
    }

    /// <summary>Closes a reminder as <c>sent</c> or <c>skipped</c>; it is never claimed again.</summary>
    public async Task CompleteAsync(string key, string status, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command("UPDATE reminders SET status = @status, lease_ms = 0, done_ms = @now WHERE id = @id")
            .With("status", status).With("now", now.ToUnixMs()).With("id", key);
        await command.ExecuteNonQueryAsync(ct);
    }
}
