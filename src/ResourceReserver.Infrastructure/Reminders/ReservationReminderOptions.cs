namespace ResourceReserver.Infrastructure.Reminders;

/// <summary>Reminders before a reservation starts (named apart from Orleans' own ReminderOptions) (<c>Reminders:*</c>).</summary>
public sealed class ReservationReminderOptions
{
    /// <summary>Pause between looks for due reminders; also the worst-case lateness of a reminder.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The length of one unit of a user's lead times (<c>ReminderLeadTimesHours</c>). One hour in production;
    /// tests set seconds so that "1 hour before" happens within the test run. Wording always says hours.
    /// </summary>
    public TimeSpan LeadTimeUnit { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a silo owns a due reminder before another may fire it (a crash costs at most this much delay).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);
}
