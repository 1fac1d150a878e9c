namespace ResourceReserver.Client.Contracts;

/// <summary>The answer of <c>GET /analytics/utilization</c>: per resource, booked hours against open hours in the window.</summary>
public sealed record UtilizationReport(DateTimeOffset From, DateTimeOffset Until, IReadOnlyList<ResourceUtilization> Resources);

/// <summary>
/// One resource's utilisation: <c>bookedHours</c> are confirmed bookings' hours inside the window times their quantity;
/// <c>openHours</c> are its opening hours inside the window times its capacity; <c>utilization</c> is their ratio (null
/// when it has no open hours in the window).
/// </summary>
public sealed record ResourceUtilization(Guid ResourceId, string Name, int Capacity, long Bookings, double BookedHours, double OpenHours, double? Utilization);

/// <summary>The answer of <c>GET /analytics/popular</c>: resources ranked by bookings, then booked hours.</summary>
public sealed record PopularReport(DateTimeOffset From, DateTimeOffset Until, IReadOnlyList<PopularResource> Resources);

/// <summary>One ranked resource (rank 1 is the most booked).</summary>
public sealed record PopularResource(int Rank, Guid ResourceId, string Name, long Bookings, double BookedHours);

/// <summary>The answer of <c>GET /analytics/peak</c>: bookings by the weekday (1 = Monday … 7 = Sunday) and hour of their start in <c>timeZone</c>, every one of the 168 cells.</summary>
public sealed record PeakReport(string TimeZone, DateTimeOffset From, DateTimeOffset Until, IReadOnlyList<PeakHour> Cells);

/// <summary>Bookings starting in one hour of one weekday.</summary>
public sealed record PeakHour(int Weekday, int Hour, long Bookings);

/// <summary>The answer of <c>GET /analytics/users</c>: per user, bookings, booked hours, cancellations and no-shows in the window.</summary>
public sealed record UserActivityReport(DateTimeOffset From, DateTimeOffset Until, IReadOnlyList<UserActivity> Users);

/// <summary>One user's figures; most bookings first.</summary>
public sealed record UserActivity(Guid UserId, string? Username, long Bookings, double BookedHours, long Cancellations, long NoShows);

/// <summary>The answer of <c>GET /analytics/dashboard</c>: totals and the top of each report.</summary>
/// <param name="From">Start of the window.</param>
/// <param name="Until">End of the window (exclusive).</param>
/// <param name="TimeZone">The zone the busiest hours are counted in.</param>
/// <param name="Totals">Figures over every resource covered.</param>
/// <param name="TopResources">The five most booked resources.</param>
/// <param name="BusiestHours">The five weekday × hour cells with the most booking starts.</param>
/// <param name="TopUsers">The five most active users, or null when per-person statistics are off.</param>
/// <param name="UserStatistics">False when per-person statistics are switched off.</param>
public sealed record AnalyticsDashboard(
    DateTimeOffset From,
    DateTimeOffset Until,
    string TimeZone,
    AnalyticsTotals Totals,
    IReadOnlyList<PopularResource> TopResources,
    IReadOnlyList<PeakHour> BusiestHours,
    bool UserStatistics,
    IReadOnlyList<UserActivity>? TopUsers);

/// <summary>Figures over every resource the dashboard covers.</summary>
public sealed record AnalyticsTotals(int Resources, long Bookings, double BookedHours, double OpenHours, double? Utilization);
