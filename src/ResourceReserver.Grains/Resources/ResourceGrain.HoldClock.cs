using ResourceReserver.Contracts;
using ResourceReserver.Events;

namespace ResourceReserver.Resources;

/// <summary>
/// Lapses holds on time: a grain timer fires exactly while the grain is active, and a reminder (persisted,
/// period at least a minute) brings the grain back after a restart or deactivation.
/// </summary>
public sealed partial class ResourceGrain
{
    private const string HoldReminder = "hold-lapse";

    // The waitlist settles its own offers on time; the resource lapses them only if the waitlist never did.
    private static readonly TimeSpan OfferGrace = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _holdTimer;
    private DateTimeOffset? _holdReminderDue;
    private bool _holdReminderKnown;

    private static DateTimeOffset LapsesAt(Hold hold) => hold.IsOffer ? hold.ExpiresAt + OfferGrace : hold.ExpiresAt;

    private async Task LapseDueHoldsAsync()
    {
        await CommitAsync(DecideLapse);
        await ScheduleHoldClockAsync();
    }

    private Outcome<int> DecideLapse()
    {
        var now = Now;
        var due = Ledger.Holds.Values.Where(h => LapsesAt(h) <= now).ToList();
        if (due.Count == 0)
        {
            // Nothing to write: a failed decision leaves state untouched and skips the write.
            return DomainError.Conflict("nothing_due", "No hold has lapsed.");
        }

        foreach (var hold in due)
        {
            RemoveHold(hold, ReservationStatus.Expired, EventTypes.ReservationExpired, null, hold.IsOffer ? "Offer lapsed." : "Hold lapsed.");
        }

        return due.Count;
    }

    private async Task ScheduleHoldClockAsync()
    {
        var next = Ledger.Holds.Count == 0 ? (DateTimeOffset?)null : Ledger.Holds.Values.Min(LapsesAt);
        _holdTimer?.Dispose();
        _holdTimer = null;
        if (next is { } at)
        {
            var due = at - Now;
            _holdTimer = this.RegisterGrainTimer(
                _ => LapseDueHoldsAsync(),
                new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan) { Interleave = false });
        }

        if (_holdReminderKnown && _holdReminderDue == next)
        {
            return;
        }

        if (next is { } reminderAt)
        {
            var due = reminderAt - Now;
            await this.RegisterOrUpdateReminder(HoldReminder, due < TimeSpan.Zero ? TimeSpan.Zero : due, ReminderPeriod);
        }
        else if (await this.GetReminder(HoldReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _holdReminderDue = next;
        _holdReminderKnown = true;
    }
}
