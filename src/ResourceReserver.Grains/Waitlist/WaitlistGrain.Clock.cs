namespace ResourceReserver.Waitlist;

/// <summary>
/// Offer expiry on time: a grain timer fires at the next expiry while active; a reminder (persisted, at least a
/// minute apart) brings the grain back after a restart and, while entries are open, reconciles every minute so
/// a capacity notice lost in a crash is made up.
/// </summary>
public sealed partial class WaitlistGrain
{
    private const string ClockReminder = "waitlist-clock";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _timer;
    private (bool Open, DateTimeOffset? NextExpiry)? _reminderFor;

    private void ArmTimer(TimeSpan due)
    {
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(
            async _ => await SettleAsync(),
            new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan) { Interleave = false });
    }

    private async Task ScheduleClockAsync()
    {
        var open = _state.State.Entries.Values.Where(e => e.IsOpen).ToList();
        var nextExpiry = open.Where(e => e.OfferExpiresAt is not null).Select(e => e.OfferExpiresAt).Min();
        if (nextExpiry is { } at)
        {
            ArmTimer(at - Now);
        }
        else
        {
            _timer?.Dispose();
            _timer = null;
        }

        var wanted = (open.Count > 0, nextExpiry);
        if (_reminderFor == wanted)
        {
            return;
        }

        if (open.Count > 0)
        {
            var due = nextExpiry is { } expiry ? expiry - Now : ReminderPeriod;
            await this.RegisterOrUpdateReminder(ClockReminder, due < TimeSpan.Zero ? TimeSpan.Zero : due, ReminderPeriod);
        }
        else if (await this.GetReminder(ClockReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminderFor = wanted;
    }
}
