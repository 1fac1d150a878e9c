namespace ResourceReserver.Infrastructure.Dispatch;

/// <summary>How the event dispatcher reads the log (<c>Dispatch:*</c>).</summary>
public sealed class DispatchOptions
{
    /// <summary>
    /// How often a silo looks at the log when nothing woke it: a commit wakes the dispatcher at once (in process,
    /// and on PostgreSQL through LISTEN/NOTIFY from every silo), so this only bounds the delay after a lost wake-up.
    /// </summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How soon to look again when committed events wait behind a transaction still running.</summary>
    public TimeSpan HeldBackPoll { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Most events read per pass.</summary>
    public int BatchSize { get; set; } = 1000;
}
