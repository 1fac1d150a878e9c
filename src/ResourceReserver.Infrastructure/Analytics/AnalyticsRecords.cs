using ResourceReserver.Contracts;

namespace ResourceReserver.Infrastructure.Analytics;

/// <summary>What every analytics query counts over: a half-open window and, optionally, one resource or one group's subtree.</summary>
/// <param name="From">Start of the window (inclusive).</param>
/// <param name="Until">End of the window (exclusive).</param>
/// <param name="GroupId">Only resources in this group or any of its subgroups.</param>
/// <param name="ResourceId">Only this resource.</param>
public sealed record AnalyticsFilter(DateTimeOffset From, DateTimeOffset Until, Guid? GroupId = null, Guid? ResourceId = null);

/// <summary>A resource's booked figures in a window: confirmed bookings overlapping it and their milliseconds inside it × quantity.</summary>
public sealed record ResourceBookings(Guid ResourceId, long Bookings, long BookedMs);

/// <summary>How many bookings started in one local hour of one ISO weekday (1 = Monday … 7 = Sunday).</summary>
public sealed record PeakCell(int Weekday, int Hour, long Bookings);

/// <summary>A stretch of the window over which a zone keeps one UTC offset.</summary>
/// <param name="UntilMs">End of the stretch, unix milliseconds (exclusive).</param>
/// <param name="OffsetMs">The zone's offset from UTC over the stretch, in milliseconds.</param>
public sealed record OffsetSpan(long UntilMs, long OffsetMs);

/// <summary>One user's figures in a window.</summary>
public sealed record UserBookings(Guid UserId, string? Username, long Bookings, long BookedMs, long Cancellations, long NoShows);

/// <summary>The resources an analytics answer covers, with what their open hours are computed from.</summary>
public sealed record AnalyticsResource(Guid Id, string Name, int Capacity, ResourceDetails Details);

/// <summary>What the dashboard is computed from: the per-resource, peak and per-user aggregates of one window.</summary>
public sealed record DashboardAggregates(IReadOnlyList<ResourceBookings> Resources, IReadOnlyList<PeakCell> Peak, IReadOnlyList<UserBookings> Users);
