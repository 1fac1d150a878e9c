using Microsoft.Extensions.Options;
using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Infrastructure.Calendar;
using ResourceReserver.Infrastructure.Dispatch;

namespace ResourceReserver.Infrastructure.Mail;

/// <summary>
/// Turns reservation events into queued mail: a confirmation with the .ics, a cancellation, a change notice, and
/// one reminder per lead time. Reminders are keyed by reservation, lead time and start, so a moved reservation
/// gets new ones and the sender drops those whose start no longer matches.
/// </summary>
public sealed class MailConsumer(MailOutbox outbox, EventLog log, IOptions<MailOptions> options, TimeProvider time) : IEventConsumer
{
    /// <summary>Event type of a waitlist offer, when the waitlist feature emits one.</summary>
    public const string WaitlistOffer = "waitlist.offer";

    /// <inheritdoc />
    public string Name => "mail";

    /// <inheritdoc />
    public async Task HandleAsync(DomainEvent domainEvent, CancellationToken ct)
    {
        if (!options.Value.Enabled || domainEvent.Reservation is not { } reservation)
        {
            return;
        }

        var kind = domainEvent.Type switch
        {
            EventTypes.ReservationCreated => "confirmation",
            EventTypes.ReservationCancelled => "cancellation",
            EventTypes.ReservationUpdated => "update",
            WaitlistOffer => "waitlist_offer",
            _ => null,
        };
        if (kind is null || await log.GetUserAsync(reservation.UserId, ct) is not { Email: { Length: > 0 } email } user
            || !user.Preferences.EmailNotifications)
        {
            return;
        }

        var resource = await log.GetResourceAsync(reservation.ResourceId, ct);
        var now = time.GetUtcNow();
        var (subject, text, html) = MailComposer.Compose(kind, reservation, resource, null);
        var ics = kind is "confirmation" or "update" or "cancellation" ? IcsOf(reservation, resource) : null;
        var key = kind == "update" ? $"{reservation.Id}:update:{reservation.Version}" : $"{reservation.Id}:{kind}";
        await outbox.EnqueueAsync(new QueuedMail(key, kind, email, subject, text, html, ics, reservation.Id, reservation.Start, now), now, ct);
        if (kind is "confirmation" or "update" && reservation.Status == ReservationStatus.Confirmed)
        {
            await ScheduleRemindersAsync(reservation, resource, email, user.Preferences, now, ct);
        }
    }

    private async Task ScheduleRemindersAsync(
        Reservation reservation, ResourceSnapshot? resource, string email, NotificationPreferences preferences, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var hours in preferences.ReminderLeadTimesHours.Distinct())
        {
            var lead = TimeSpan.FromHours(hours);
            var due = reservation.Start - lead;
            if (hours <= 0 || due <= now)
            {
                continue;
            }

            var (subject, text, html) = MailComposer.Compose("reminder", reservation, resource, lead);
            var key = $"{reservation.Id}:reminder:{hours}:{reservation.Start.ToUnixTimeMilliseconds()}";
            await outbox.EnqueueAsync(new QueuedMail(key, "reminder", email, subject, text, html, null, reservation.Id, reservation.Start, due), now, ct);
        }
    }

    private static string IcsOf(Reservation reservation, ResourceSnapshot? resource) =>
        ReservationCalendar.Write([reservation], resource is null ? new Dictionary<Guid, ResourceSnapshot>() : new() { [resource.Id] = resource }, "Reservation");
}
