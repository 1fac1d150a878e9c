using Microsoft.Extensions.Options;
using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Infrastructure.Dispatch;

namespace ResourceReserver.Infrastructure.Reminders;

/// <summary>
/// Schedules one reminder per lead time of the owner's profile (default 24 h and 1 h) when a reservation is
/// confirmed or changed. Scheduling happens whether or not the user takes e-mail: the in-app reminder is for
/// everyone, the mail is decided when the reminder fires. Cancelled or moved reservations are not unscheduled
/// here; the reminder checks the reservation when it fires and skips itself.
/// </summary>
public sealed class ReminderScheduler(ReminderStore store, EventLog log, IOptions<ReservationReminderOptions> options, TimeProvider time) : IEventConsumer
{
    /// <inheritdoc />
    public string Name => "reminders";

    /// <inheritdoc />
    public async Task HandleAsync(DomainEvent domainEvent, CancellationToken ct)
    {
        if (domainEvent.Type is not (EventTypes.ReservationCreated or EventTypes.ReservationUpdated)
            || domainEvent.Reservation is not { Status: ReservationStatus.Confirmed } reservation)
        {
            return;
        }

        var leads = (await log.GetUserAsync(reservation.UserId, ct))?.Preferences.ReminderLeadTimesHours ?? new NotificationPreferences().ReminderLeadTimesHours;
        var unit = options.Value.LeadTimeUnit;
        var now = time.GetUtcNow();
        foreach (var hours in leads.Where(h => h > 0).Distinct())
        {
            var due = reservation.Start - unit * hours;
            if (due <= now)
            {
                continue; // booked closer to the start than this lead time: a late reminder would only be noise
            }

            var key = ScheduledReminder.KeyOf(reservation.Id, hours, reservation.Start);
            await store.ScheduleAsync(new ScheduledReminder(key, reservation.Id, reservation.UserId, hours, reservation.Start, due), now, ct);
        }
    }
}
