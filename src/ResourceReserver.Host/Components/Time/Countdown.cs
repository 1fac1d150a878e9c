namespace ResourceReserver.Host.Components.Time;

/// <summary>What a hold or offer countdown shows: the time left, never negative, as m:ss (or h:mm:ss).</summary>
public static class Countdown
{
    /// <summary>Time left until <paramref name="deadline"/> at <paramref name="now"/>, at least zero.</summary>
    public static TimeSpan Remaining(DateTimeOffset deadline, DateTimeOffset now) => deadline > now ? deadline - now : TimeSpan.Zero;

    /// <summary>"4:59", "0:07" or "1:02:03"; seconds round up so "0:00" means it has lapsed.</summary>
    public static string Format(TimeSpan remaining)
    {
        var seconds = (long)Math.Ceiling(remaining.TotalSeconds);
        return seconds >= 3600
            ? $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}"
            : $"{seconds / 60}:{seconds % 60:00}";
    }

    /// <summary>True once the deadline has passed.</summary>
    public static bool Lapsed(DateTimeOffset deadline, DateTimeOffset now) => now >= deadline;
}
