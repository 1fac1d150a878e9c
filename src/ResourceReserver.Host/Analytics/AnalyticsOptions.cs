namespace ResourceReserver.Host.Analytics;

/// <summary>Configuration section <c>Analytics</c>.</summary>
public sealed class AnalyticsOptions
{
    /// <summary>
    /// Whether per-person statistics are offered (<c>GET /analytics/users</c>, its export, the dashboard's top users).
    /// A works council may require them off; the other reports never name anyone.
    /// </summary>
    public bool UserStatistics { get; set; } = true;
}
