using NodaTime;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Contracts;

namespace ResourceReserver.ApiTests.Analytics;

/// <summary>
/// The brute-force answers for an <see cref="AnalyticsWorld"/>: every booking looked at one by one, open time found by
/// walking the window minute by minute and asking what the resource's wall clock shows (so DST is whatever the zone
/// database says, with no interval arithmetic shared with the code under test).
/// </summary>
public sealed class AnalyticsOracle(AnalyticsWorld world)
{
    private const double MsPerHour = 3_600_000d;

    private IEnumerable<(Reservation Reservation, bool NoShow)> InScope =>
        world.Bookings.Where(b => world.Selected.Contains(b.Reservation.ResourceId));

    public static bool IsBooked(Reservation r, bool noShow) => !noShow && r.Status is ReservationStatus.Confirmed or ReservationStatus.Completed;

    public bool Overlaps(Reservation r) => r.Start < world.Until && r.End > world.From;

    public long ClippedMs(Reservation r) =>
        ((r.End < world.Until ? r.End : world.Until) - (r.Start > world.From ? r.Start : world.From)).Ticks / TimeSpan.TicksPerMillisecond * r.Quantity;

    public IReadOnlyList<ResourceUtilization> Utilization() =>
        world.Resources.Where(r => world.Selected.Contains(r.Id))
            .OrderBy(r => r.Details.Name.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(r => r.Id.ToString(), StringComparer.Ordinal)
            .Select(r =>
            {
                var booked = InScope.Where(b => b.Reservation.ResourceId == r.Id && IsBooked(b.Reservation, b.NoShow) && Overlaps(b.Reservation)).ToList();
                var bookedMs = booked.Sum(b => ClippedMs(b.Reservation));
                var openMs = OpenMinutes(r.Details) * 60_000L * r.Details.Capacity;
                return new ResourceUtilization(r.Id, r.Details.Name, r.Details.Capacity, booked.Count, bookedMs / MsPerHour, openMs / MsPerHour,
                    openMs > 0 ? (double)bookedMs / openMs : null);
            }).ToList();

    public IReadOnlyList<PopularResource> Popular(int limit) =>
        Utilization().Where(u => u.Bookings > 0)
            .Select(u => (u, Ms: BookedMs(u.ResourceId)))
            .OrderByDescending(x => x.u.Bookings).ThenByDescending(x => x.Ms).ThenBy(x => x.u.Name, StringComparer.OrdinalIgnoreCase).ThenBy(x => x.u.ResourceId)
            .Take(limit).Select((x, i) => new PopularResource(i + 1, x.u.ResourceId, x.u.Name, x.u.Bookings, x.Ms / MsPerHour)).ToList();

    public IReadOnlyList<PeakHour> Peak(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var counts = new long[8, 24];
        foreach (var (r, noShow) in InScope.Where(b => IsBooked(b.Reservation, b.NoShow) && b.Reservation.Start >= world.From && b.Reservation.Start < world.Until))
        {
            var local = Instant.FromDateTimeOffset(r.Start).InZone(zone);
            counts[(int)local.DayOfWeek, local.Hour]++;
        }

        return Enumerable.Range(1, 7).SelectMany(d => Enumerable.Range(0, 24).Select(h => new PeakHour(d, h, counts[d, h]))).ToList();
    }

    public IReadOnlyList<UserActivity> Users() =>
        InScope.Where(b => Overlaps(b.Reservation) && (IsBooked(b.Reservation, b.NoShow) || b.NoShow || b.Reservation.Status == ReservationStatus.Cancelled))
            .GroupBy(b => b.Reservation.UserId)
            .Select(g =>
            {
                var booked = g.Where(b => IsBooked(b.Reservation, b.NoShow)).ToList();
                var ms = booked.Sum(b => ClippedMs(b.Reservation));
                return (Row: new UserActivity(g.Key, world.Names.GetValueOrDefault(g.Key), booked.Count, ms / MsPerHour,
                    g.Count(b => !b.NoShow && b.Reservation.Status == ReservationStatus.Cancelled), g.Count(b => b.NoShow)), Ms: ms);
            })
            .OrderByDescending(x => x.Row.Bookings).ThenByDescending(x => x.Ms).ThenByDescending(x => x.Row.Cancellations).ThenBy(x => x.Row.UserId)
            .Select(x => x.Row).ToList();

    public AnalyticsTotals Totals()
    {
        var utilization = Utilization();
        var bookedMs = world.Resources.Where(r => world.Selected.Contains(r.Id)).Sum(r => BookedMs(r.Id));
        var openMs = world.Resources.Where(r => world.Selected.Contains(r.Id)).Sum(r => OpenMinutes(r.Details) * 60_000L * r.Details.Capacity);
        return new AnalyticsTotals(utilization.Count, utilization.Sum(u => u.Bookings), bookedMs / MsPerHour, openMs / MsPerHour,
            openMs > 0 ? (double)bookedMs / openMs : null);
    }

    private long BookedMs(Guid resourceId) =>
        InScope.Where(b => b.Reservation.ResourceId == resourceId && IsBooked(b.Reservation, b.NoShow) && Overlaps(b.Reservation)).Sum(b => ClippedMs(b.Reservation));

    /// <summary>Minutes of the window in which the resource's wall clock shows an opening period of that weekday, off blackout dates.</summary>
    private long OpenMinutes(ResourceDetails details)
    {
        var zone = DateTimeZoneProviders.Tzdb[details.TimeZone];
        long minutes = 0;
        for (var t = world.From; t < world.Until; t = t.AddMinutes(1))
        {
            var local = Instant.FromDateTimeOffset(t).InZone(zone).LocalDateTime;
            if (details.Blackouts.Contains(local.Date.ToDateOnly()))
            {
                continue;
            }

            var time = local.TimeOfDay.ToTimeOnly();
            var periods = (details.BusinessHours ?? BusinessHours.AlwaysOpen).Periods;
            if (periods.Any(p => p.Day == NodaTime.Utility.BclConversions.ToDayOfWeek(local.DayOfWeek) && p.Opens <= time && (p.Closes == TimeOnly.MinValue || time < p.Closes)))
            {
                minutes++;
            }
        }

        return minutes;
    }
}
