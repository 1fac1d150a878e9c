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
public sealed class ReminderScheduler(ReminderStore store, IOptions<ReservationReminderOptions> options, TimeProvider time) : IEventConsumer
{
    /// <inheritdoc />
    public string Name => "reminders";

    /// <inheritdoc />
    public async Task HandleAsync(EventBatch batch, CancellationToken ct)
    {
        var unit = options.Value.LeadTimeUnit;
        var now = time.GetUtcNow();
        var scheduled = new List<ScheduledReminder>();
        foreach (var domainEvent in batch.Events)
        {
            if (domainEvent.Type is not (EventTypes.ReservationCreated or EventTypes.ReservationUpdated or EventTypes.ApprovalApproved)
                || domainEvent.Reservation is not { Status: ReservationStatus.Confirmed } reservation)
            {
                continue;
            }

            var leads = (await batch.UserAsync(reservation.UserId, ct))?.Preferences.ReminderLeadTimesHours ?? new NotificationPreferences().ReminderLeadTimesHours;
            foreach (var hours in leads.Where(h => h > 0).Distinct())
            {
                var due = reservation.Start - unit * hours;
                if (due <= now)
                {
                    continue; // booked closer to the start than this lead time: a late reminder would only be noise
                }

                var key = ScheduledReminder.KeyOf(reservation.Id, hours, reservation.Start);
                scheduled.Add(new ScheduledReminder(key, reservation.Id, reservation.UserId, hours, reservation.Start, due));
            }
        }

        await store.ScheduleAsync(batch.Transaction, scheduled, now, ct);
    }
}
