namespace ResourceReserver.Infrastructure.Dispatch;

/// <summary>How the event dispatcher polls the log (<c>Dispatch:*</c>).</summary>
public sealed class DispatchOptions
{
    /// <summary>Pause between polls when the log has nothing new.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long a position must be behind before the cursor moves past it. Sequence numbers are taken at insert
    /// and committed a little later, so a lower one can appear after a higher one; this window covers that.
    /// </summary>
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most events read per poll.</summary>
    public int BatchSize { get; set; } = 1000;
}
