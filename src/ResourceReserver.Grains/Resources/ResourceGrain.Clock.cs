namespace ResourceReserver.Resources;

/// <summary>
/// What the resource does by itself on time: holds lapse and undecided approval requests expire (a grain timer
/// while active, a persisted reminder to come back after a restart) and maintenance resets. Ended reservations are completed when
/// <see cref="ResourceExpirySweeper"/> asks.
/// </summary>
public sealed partial class ResourceGrain
{
    private const string MaintenanceReminder = "maintenance-reset";
    private const string HoldReminder = "hold-lapse";
    // Registered per resource before the expiry sweep existed; one still standing is dropped when it fires.
    private const string LegacyExpiryReminder = "expiry";
    private static readonly TimeSpan HoldReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _holdTimer;
    private DateTimeOffset? _holdTimerDue;
    private DateTimeOffset? _holdReminderDue;
    private bool _holdReminderKnown;

    /// <inheritdoc />
    public async Task<int> CompleteEndedAsync()
    {
        var outcome = await DecideAsync(ResourceDecisions.CompleteEnded);
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
            case LegacyExpiryReminder:
                await CompleteEndedAsync();
                if (await this.GetReminder(LegacyExpiryReminder) is { } legacy)
                {
                    await this.UnregisterReminder(legacy);
                }

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
        await DecideAsync(ApprovalDecisions.Expire);

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

    /// <summary>
    /// Arms the grain timer for the next hold to lapse or approval request to expire (none when neither stands);
    /// returns when that is.
    /// </summary>
    private DateTimeOffset? ArmHoldTimer()
    {
        var nextLapse = Book.Holds.Count == 0 ? (DateTimeOffset?)null : Book.Holds.Values.Min(HoldDecisions.LapsesAt);
        var nextExpiry = ApprovalDecisions.NextExpiry(Book);
        var next = nextLapse is { } lapse && nextExpiry is { } expiry ? (lapse < expiry ? lapse : expiry) : nextLapse ?? nextExpiry;
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
}
