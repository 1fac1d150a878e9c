using Microsoft.Extensions.Options;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Application;
using ResourceReserver.Infrastructure.Analytics;
using ResourceReserver.Infrastructure.Organisation;
using ResourceReserver.Scheduling;

namespace ResourceReserver.Host.Analytics;

/// <summary>
/// The analytics reports (<c>analytics.read</c>): aggregates from SQL (<see cref="AnalyticsStore"/>), opening hours
/// and zone offsets from <see cref="OpenHours"/>. Hours are milliseconds summed exactly, divided once at the end.
/// </summary>
public sealed class AnalyticsService(
    AnalyticsStore store, GroupStore groups, IOptions<SchedulingDefaults> defaults, IOptions<AnalyticsOptions> options, TimeProvider clock)
{
    private const double MsPerHour = 3_600_000d;
    private const int DashboardTop = 5;

    /// <summary>Whether per-person statistics are switched on.</summary>
    public bool UserStatistics => options.Value.UserStatistics;

    /// <summary>Per resource: bookings, booked hours, open hours and their ratio.</summary>
    public Task<Outcome<UtilizationReport>> UtilizationAsync(Actor actor, AnalyticsQuery query, CancellationToken ct = default) =>
        RunAsync(actor, query, async (request, ct) =>
        {
            var (resources, booked) = await ResourcesAndBookingsAsync(request.Filter, ct);
            return new UtilizationReport(request.Filter.From, request.Filter.Until, Utilization(resources, booked, request.Filter));
        }, ct);

    /// <summary>Resources with bookings in the window, ranked by bookings, then booked hours.</summary>
    public Task<Outcome<PopularReport>> PopularAsync(Actor actor, AnalyticsQuery query, CancellationToken ct = default) =>
        RunAsync(actor, query, async (request, ct) =>
        {
            var (resources, booked) = await ResourcesAndBookingsAsync(request.Filter, ct);
            return new PopularReport(request.Filter.From, request.Filter.Until, Popular(resources, booked, request.Limit));
        }, ct);

    /// <summary>Bookings starting in the window by weekday and hour in the requested zone: all 168 cells.</summary>
    public Task<Outcome<PeakReport>> PeakAsync(Actor actor, AnalyticsQuery query, CancellationToken ct = default) =>
        RunAsync(actor, query, async (request, ct) => new PeakReport(
            request.Zone.Id, request.Filter.From, request.Filter.Until, await PeakCellsAsync(request, ct)), ct);

    /// <summary>Per user: bookings, booked hours, cancellations and no-shows; refused when per-person statistics are off.</summary>
    public async Task<Outcome<UserActivityReport>> UsersAsync(Actor actor, AnalyticsQuery query, CancellationToken ct = default)
    {
        if (!UserStatistics)
        {
            return Caller.Require(actor, Permission.AnalyticsRead) ?? UserStatisticsOff();
        }

        return await RunAsync(actor, query, async (request, ct) =>
            new UserActivityReport(request.Filter.From, request.Filter.Until, await UsersAsync(request.Filter, ct)), ct);
    }

    /// <summary>Totals and the top of each report; the users part only when per-person statistics are on.</summary>
    public Task<Outcome<AnalyticsDashboard>> DashboardAsync(Actor actor, AnalyticsQuery query, CancellationToken ct = default) =>
        RunAsync(actor, query, async (request, ct) =>
        {
            var filter = request.Filter;
            var resourcesTask = store.ResourcesAsync(filter, ct);
            var aggregates = await store.DashboardAsync(filter, OpenHours.Offsets(request.Zone, filter.From, filter.Until), ct);
            var resources = await resourcesTask;
            var listed = resources.Select(r => r.Id).ToHashSet();
            var booked = aggregates.Resources.Where(b => listed.Contains(b.ResourceId)).ToDictionary(b => b.ResourceId);
            var (bookedMs, openMs) = (booked.Values.Sum(b => b.BookedMs), resources.Sum(r => OpenMsOf(r, filter)));
            var totals = new AnalyticsTotals(
                resources.Count, booked.Values.Sum(b => b.Bookings), bookedMs / MsPerHour, openMs / MsPerHour, Ratio(bookedMs, openMs));
            var busiest = AllCells(aggregates.Peak).Where(c => c.Bookings > 0)
                .OrderByDescending(c => c.Bookings).ThenBy(c => c.Weekday).ThenBy(c => c.Hour).Take(DashboardTop).ToList();
            return new AnalyticsDashboard(filter.From, filter.Until, request.Zone.Id, totals, Popular(resources, booked, DashboardTop), busiest,
                UserStatistics, UserStatistics ? Ranked(aggregates.Users).Take(DashboardTop).ToList() : null);
        }, ct);

    /// <summary>The resources a report can be narrowed to, by name: those of the query's group (subgroups included), or all.</summary>
    public Task<Outcome<IReadOnlyList<AnalyticsResource>>> ResourcesAsync(Actor actor, AnalyticsQuery query, CancellationToken ct = default) =>
        RunAsync(actor, query with { ResourceId = null }, (request, ct) => store.ResourcesAsync(request.Filter, ct), ct);

    /// <summary>The refusal when per-person statistics are switched off (403 <c>user_statistics_disabled</c>).</summary>
    public static DomainError UserStatisticsOff() => Refusal.Of(ErrorKind.Forbidden, ProblemCode.UserStatisticsDisabled,
        "Per-person statistics are switched off on this server (Analytics:UserStatistics).");

    private async Task<Outcome<T>> RunAsync<T>(Actor actor, AnalyticsQuery query, Func<AnalyticsRequest, CancellationToken, Task<T>> report, CancellationToken ct)
    {
        if (Caller.Require(actor, Permission.AnalyticsRead) is { } forbidden)
        {
            return forbidden;
        }

        var parsed = AnalyticsQueries.Parse(query, clock.GetUtcNow());
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        var filter = parsed.Value!.Filter;
        if (filter.GroupId is { } groupId && await groups.GetAsync(groupId, ct) is null)
        {
            return DomainError.NotFound(ProblemCode.GroupNotFound, $"Group '{groupId}' does not exist.");
        }

        if (filter.ResourceId is { } resourceId && !await store.ResourceExistsAsync(resourceId, ct))
        {
            return DomainError.NotFound(ProblemCode.ResourceNotFound, $"Resource '{resourceId}' does not exist.");
        }

        return await report(parsed.Value, ct);
    }

    private async Task<(IReadOnlyList<AnalyticsResource> Resources, IReadOnlyDictionary<Guid, ResourceBookings> Booked)> ResourcesAndBookingsAsync(
        AnalyticsFilter filter, CancellationToken ct)
    {
        var resources = store.ResourcesAsync(filter, ct);
        var booked = store.BookedByResourceAsync(filter, ct);
        return (await resources, (await booked).ToDictionary(b => b.ResourceId));
    }

    private List<ResourceUtilization> Utilization(IReadOnlyList<AnalyticsResource> resources, IReadOnlyDictionary<Guid, ResourceBookings> booked, AnalyticsFilter filter) =>
        resources.Select(r =>
        {
            var b = booked.GetValueOrDefault(r.Id);
            var (bookedMs, openMs) = (b?.BookedMs ?? 0, OpenMsOf(r, filter));
            return new ResourceUtilization(r.Id, r.Name, r.Capacity, b?.Bookings ?? 0, bookedMs / MsPerHour, openMs / MsPerHour, Ratio(bookedMs, openMs));
        }).ToList();

    private static List<PopularResource> Popular(IReadOnlyList<AnalyticsResource> resources, IReadOnlyDictionary<Guid, ResourceBookings> booked, int limit) =>
        resources.Where(r => booked.ContainsKey(r.Id)).Select(r => (Resource: r, Booked: booked[r.Id]))
            .OrderByDescending(x => x.Booked.Bookings).ThenByDescending(x => x.Booked.BookedMs).ThenBy(x => x.Resource.Name, StringComparer.OrdinalIgnoreCase).ThenBy(x => x.Resource.Id)
            .Take(limit)
            .Select((x, i) => new PopularResource(i + 1, x.Resource.Id, x.Resource.Name, x.Booked.Bookings, x.Booked.BookedMs / MsPerHour))
            .ToList();

    private async Task<IReadOnlyList<PeakHour>> PeakCellsAsync(AnalyticsRequest request, CancellationToken ct)
    {
        var filter = request.Filter;
        return AllCells(await store.PeakAsync(filter, OpenHours.Offsets(request.Zone, filter.From, filter.Until), ct));
    }

    private static List<PeakHour> AllCells(IReadOnlyList<PeakCell> cells)
    {
        var counted = cells.ToDictionary(c => (c.Weekday, c.Hour), c => c.Bookings);
        return Enumerable.Range(1, 7).SelectMany(day => Enumerable.Range(0, 24).Select(hour => new PeakHour(day, hour, counted.GetValueOrDefault((day, hour))))).ToList();
    }

    private async Task<IReadOnlyList<UserActivity>> UsersAsync(AnalyticsFilter filter, CancellationToken ct) =>
        Ranked(await store.ByUserAsync(filter, ct));

    private static List<UserActivity> Ranked(IEnumerable<UserBookings> users) =>
        users
            .OrderByDescending(u => u.Bookings).ThenByDescending(u => u.BookedMs).ThenByDescending(u => u.Cancellations).ThenBy(u => u.UserId)
            .Select(u => new UserActivity(u.UserId, u.Username, u.Bookings, u.BookedMs / MsPerHour, u.Cancellations, u.NoShows))
            .ToList();

    private long OpenMsOf(AnalyticsResource resource, AnalyticsFilter filter) =>
        OpenHours.OpenMs(resource.Details, defaults.Value, filter.From, filter.Until) * resource.Capacity;

    private static double? Ratio(long bookedMs, long openMs) => openMs > 0 ? (double)bookedMs / openMs : null;
}
