using Microsoft.Extensions.Options;
using ResourceReserver.Contracts;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.Mail;
using ResourceReserver.Infrastructure.Messages;
using ResourceReserver.Infrastructure.Notifications;
using ResourceReserver.Infrastructure.Reminders;

namespace ResourceReserver.Host.Notifications;

/// <summary>
/// Fires due reminders: if the reservation is still confirmed at the start the reminder was made for, it queues
/// the reminder mail (when the user takes e-mail), adds a <c>reservation_reminder</c> feed entry and pushes it
/// live, then closes the reminder. Each step is keyed by the reminder, so a crash mid-fire and the retry after
/// the lease runs out add no second mail or feed entry.
/// </summary>
public sealed class ReminderService(
    ReminderStore reminders, EventLog log, MailOutbox outbox, MailConsumer mail, NotificationPublisher publisher,
    IOptions<ReservationReminderOptions> options, IOptions<MailOptions> mailOptions, TimeProvider time, ILogger<ReminderService> logger) : BackgroundService
{
    /// <summary>Feed kind of a reminder.</summary>
    public const string Kind = "reservation_reminder";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var reminder in await reminders.ClaimDueAsync(time.GetUtcNow(), settings.Lease, 50, stoppingToken))
                {
                    await FireAsync(reminder, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A claimed reminder whose firing failed is fired again once its lease runs out.
                logger.LogWarning(exception, "Firing reminders failed; retrying");
            }

            try
            {
                await Task.Delay(settings.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task FireAsync(ScheduledReminder reminder, CancellationToken ct)
    {
        if (await log.GetReservationAsync(reminder.ReservationId, ct) is not { Status: ReservationStatus.Confirmed } reservation
            || reservation.Start.ToUnixTimeMilliseconds() != reminder.ReservationStart.ToUnixTimeMilliseconds()) // stored to the ms
        {
            await reminders.CompleteAsync(reminder.Key, "skipped", time.GetUtcNow(), ct);
            return;
        }

        var now = time.GetUtcNow();
        var resource = await log.GetResourceAsync(reservation.ResourceId, ct);
        var lead = TimeSpan.FromHours(reminder.LeadHours); // the wording says what the user chose, whatever the unit
        var (email, words) = await mail.RecipientAsync(reservation.UserId, ct);
        var (subject, text, html) = MailComposer.Compose("reminder", reservation, resource, lead, words);
        if (mailOptions.Value.Enabled && email is not null)
        {
            await outbox.EnqueueAsync(new QueuedMail(reminder.Key, "reminder", email, subject, text, html, null, reservation.Id, reservation.Start, now), now, ct);
        }

        var name = resource?.Details.Name ?? words[MessageText.AResource];
        var notification = new Notification(
            NotificationStore.IdOf(reminder.Key), reservation.UserId, Kind, words[MessageText.ReminderTitle, words.Describe(lead), name],
            $"{name}, {LocalTimes.Span(reservation.Start, reservation.End, resource?.Details.TimeZone)}", reservation.Id, reservation.ResourceId, now, null);
        await publisher.PublishAsync(notification, reminder.Key, ct);
        await reminders.CompleteAsync(reminder.Key, "sent", time.GetUtcNow(), ct);
    }
}
