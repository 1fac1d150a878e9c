using FsCheck.Xunit;
using Microsoft.Extensions.Options;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Analytics;
using ResourceReserver.Infrastructure.Analytics;
using ResourceReserver.Infrastructure.Organisation;
using ResourceReserver.Scheduling;

namespace ResourceReserver.ApiTests.Analytics;

/// <summary>
/// Every report equals the brute-force oracle on random worlds (zones with DST, business hours, capacities, quantities,
/// cancellations, no-shows, windows, group and resource filters), through the real service over a real database.
/// FsCheck supplies the seeds; a failure prints the seed, which replays the whole case.
/// </summary>
public abstract class AnalyticsPropertyTests(AnalyticsDatabase database)
{
    private static readonly Actor Analyst = Actor.With(Guid.NewGuid(), Permission.AnalyticsRead);

    [Property(MaxTest = 40)]
    public void Every_report_equals_the_brute_force_computation(int seed) => CheckAsync(seed).GetAwaiter().GetResult();

    private async Task CheckAsync(int seed)
    {
        await database.ClearAsync();
        var world = new AnalyticsWorld(seed);
        await world.StoreAsync(database.DataSource);
        var oracle = new AnalyticsOracle(world);
        var service = new AnalyticsService(new AnalyticsStore(database.DataSource), new GroupStore(database.DataSource, TimeProvider.System),
            Options.Create(new SchedulingDefaults()), Options.Create(new AnalyticsOptions()), TimeProvider.System);
        var query = new AnalyticsQuery(world.From.ToString("O"), world.Until.ToString("O"), world.GroupFilter?.ToString(), world.ResourceFilter?.ToString(),
            world.PeakZone, world.Limit.ToString());

        var utilization = Value(await service.UtilizationAsync(Analyst, query));
        Assert.Equal(oracle.Utilization(), utilization.Resources);
        Assert.Equal((world.From, world.Until), (utilization.From, utilization.Until));

        Assert.Equal(oracle.Popular(world.Limit), Value(await service.PopularAsync(Analyst, query)).Resources);

        var peak = Value(await service.PeakAsync(Analyst, query));
        Assert.Equal(world.PeakZone, peak.TimeZone);
        Assert.Equal(oracle.Peak(world.PeakZone), peak.Cells);

        Assert.Equal(oracle.Users(), Value(await service.UsersAsync(Analyst, query)).Users);

        var dashboard = Value(await service.DashboardAsync(Analyst, query));
        Assert.Equal(oracle.Totals(), dashboard.Totals);
        Assert.Equal(oracle.Popular(5), dashboard.TopResources);
        Assert.Equal(oracle.Users().Take(5), dashboard.TopUsers!);
        Assert.Equal(
            oracle.Peak(world.PeakZone).Where(c => c.Bookings > 0).OrderByDescending(c => c.Bookings).ThenBy(c => c.Weekday).ThenBy(c => c.Hour).Take(5),
            dashboard.BusiestHours);
    }

    private static T Value<T>(Outcome<T> outcome)
    {
        Assert.True(outcome.IsSuccess, outcome.Error?.Message);
        return outcome.Value!;
    }
}

public sealed class SqliteAnalyticsPropertyTests(SqliteAnalyticsDatabase database)
    : AnalyticsPropertyTests(database), IClassFixture<SqliteAnalyticsDatabase>;

public sealed class PostgresAnalyticsPropertyTests(PostgresAnalyticsDatabase database)
    : AnalyticsPropertyTests(database), IClassFixture<PostgresAnalyticsDatabase>;
