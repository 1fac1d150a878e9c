namespace ResourceReserver.Resources;

/// <summary>
/// What the resource does by itself on time: holds lapse (a grain timer while active, a persisted reminder to
/// come back after a restart), ended reservations are completed every few minutes, and maintenance resets.
/// </summary>
public sealed partial class ResourceGrain
{
    private const string MaintenanceReminder = "maintenance-reset";
    private const string HoldReminder = "hold-lapse";
    private const string ExpiryReminder = "expiry";

    // A reservation is completed at most this long after it ended.
    private static readonly TimeSpan ExpiryPeriod = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan HoldReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _holdTimer;
    private DateTimeOffset? _holdTimerDue;
    private DateTimeOffset? _holdReminderDue;
    private bool _holdReminderKnown;
    private bool _expiryScheduled;

    /// <inheritdoc />
    public async Task<int> CompleteEndedAsync()
    {
        var outcome = await DecideAsync(ResourceDecisions.CompleteEnded);
        if (Book.Reservations.Count == 0 && await this.GetReminder(ExpiryReminder) is { } reminder)
        {
            _expiryScheduled = false;
            await this.UnregisterReminder(reminder);

            // A booking interleaved while the reminder was being removed: put it back.
            _expiryScheduled = false;
            await ScheduleExpiryAsync();
        }

        return outcome.IsSuccess ? outcome.Value : 0;
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        switch (reminderName)
        {
            case HoldReminder:
                await LapseDueHoldsAsync();
                break;
            case ExpiryReminder:
                await CompleteEndedAsync();
                break;
            case MaintenanceReminder:
                if (Book.Resource is { Deleted: false, Status: ResourceStatus.Maintenance, StatusResetsAt: { } resetAt } && resetAt <= Now)
                {
                    await DecideAsync((book, now) => ResourceDecisions.SetStatus(book, ResourceStatus.Available, null, null, now));
                }

                if (Book.Resource?.StatusResetsAt is null)
                {
                    await ScheduleResetAsync(null);
                }

                break;
        }
    }

    private async Task ScheduleResetAsync(DateTimeOffset? resetAt)
    {
        if (resetAt is { } at)
        {
            // The reminder is persisted, so the reset happens on time even across silo restarts.
            var due = at - Now;
            await this.RegisterOrUpdateReminder(MaintenanceReminder, due < TimeSpan.Zero ? TimeSpan.Zero : due, TimeSpan.FromMinutes(1));
        }
        else if (await this.GetReminder(MaintenanceReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task LapseDueHoldsAsync()
    {
        await DecideAsync(HoldDecisions.Lapse);

        // Re-armed even when nothing was due yet (a timer may fire a hair early).
        _holdTimerDue = null;
        await ScheduleHoldClockAsync();
    }

    /// <summary>Arms the timer for the next hold to lapse, and the reminder that survives a restart; nothing when unchanged.</summary>
    private async Task ScheduleHoldClockAsync()
    {
        var next = ArmHoldTimer();
        if (_holdReminderKnown && _holdReminderDue == next)
        {
            return;
        }

        // Set first: an interleaved booking must not register it again meanwhile.
        _holdReminderDue = next;
        _holdReminderKnown = true;
        try
        {
            if (next is { } reminderAt)
            {
                var due = reminderAt - Now;
                await this.RegisterOrUpdateReminder(HoldReminder, due < TimeSpan.Zero ? TimeSpan.Zero : due, HoldReminderPeriod);
            }
            else if (await this.GetReminder(HoldReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch
        {
            _holdReminderKnown = false;
            throw;
        }
    }

    /// <summary>Arms the grain timer for the next hold to lapse (none when no hold stands); returns when that is.</summary>
    private DateTimeOffset? ArmHoldTimer()
    {
        var next = Book.Holds.Count == 0 ? (DateTimeOffset?)null : Book.Holds.Values.Min(HoldDecisions.LapsesAt);
        if (next == _holdTimerDue && (next is null || _holdTimer is not null))
        {
            return next;
        }

        _holdTimer?.Dispose();
        _holdTimer = null;
        _holdTimerDue = next;
        if (next is { } at)
        {
            var wait = at - Now;
            _holdTimer = this.RegisterGrainTimer(
                _ => LapseDueHoldsAsync(),
                new GrainTimerCreationOptions(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan) { Interleave = false });
        }

        return next;
    }

    private async Task ScheduleExpiryAsync()
    {
        if (_expiryScheduled || Book.Reservations.Count == 0)
        {
            return;
        }

        // Set first: interleaved bookings must not all register it.
        _expiryScheduled = true;
        try
        {
            await this.RegisterOrUpdateReminder(ExpiryReminder, ExpiryPeriod, ExpiryPeriod);
        }
        catch
        {
            _expiryScheduled = false;
            throw;
        }
    }
}
