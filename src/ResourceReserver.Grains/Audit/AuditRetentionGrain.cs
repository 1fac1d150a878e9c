using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ResourceReserver.Audit;

/// <summary>Purges audit entries past their retention once a day, driven by a persisted reminder.</summary>
public sealed class AuditRetentionGrain(IAuditLog log, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditRetentionGrain> logger)
    : Grain, IAuditRetentionGrain, IRemindable
{
    private const string ReminderName = "audit-retention";

    /// <summary>How often the purge runs.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromDays(1);

    /// <inheritdoc />
    public async Task EnsureScheduledAsync()
    {
        if (await this.GetReminder(ReminderName) is null)
        {
            // The first purge soon after the cluster first starts, then daily.
            await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromMinutes(1), Period);
        }
    }

    /// <inheritdoc />
    public async Task<int> PurgeNowAsync()
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var purged = await log.PurgeBeforeAsync(cutoff);
        logger.LogInformation("Audit retention: {Count} entries older than {Cutoff:O} purged", purged, cutoff);
        return purged;
    }

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName == ReminderName ? PurgeNowAsync() : Task.CompletedTask;
}
