using System.Data.Common;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Infrastructure.Schema;

namespace ResourceReserver.Infrastructure.Analytics;

/// <summary>What the dashboard is computed from: the per-resource, peak and per-user aggregates of one window.</summary>
public sealed record DashboardAggregates(IReadOnlyList<ResourceBookings> Resources, IReadOnlyList<PeakCell> Peak, IReadOnlyList<UserBookings> Users);

public sealed partial class AnalyticsStore
{
    /// <summary>
    /// The three aggregates at once. PostgreSQL reads the rows once and groups them three ways (GROUPING SETS), which
    /// keeps the dashboard within one scan of the window; SQLite, which has no grouping sets and holds far fewer rows,
    /// runs the three queries. Same figures either way (the property tests check both against the oracle).
    /// </summary>
    public async Task<DashboardAggregates> DashboardAsync(AnalyticsFilter filter, IReadOnlyList<OffsetSpan> offsets, CancellationToken ct = default)
    {
        if (SqlDialects.Of(dataSource) != SqlDialect.Postgres)
        {
            return new DashboardAggregates(await BookedByResourceAsync(filter, ct), await PeakAsync(filter, offsets, ct), await ByUserAsync(filter, ct));
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        var offset = LocalOffset(command, offsets);
        command.CommandText =
            $"""
            SELECT GROUPING(l.resource_id), GROUPING(l.user_id), l.resource_id, l.user_id, l.weekday, l.hour,
                SUM(l.booked), SUM(l.booked * l.clipped_ms), SUM(l.cancelled), SUM(l.no_show), SUM(l.booked * l.starts)
            FROM (SELECT x.resource_id, x.user_id,
                    CASE WHEN {Booked} THEN 1 ELSE 0 END AS booked, {ClippedMs} AS clipped_ms,
                    CASE WHEN x.status = 'cancelled' THEN 1 ELSE 0 END AS cancelled, CASE WHEN x.status = 'no_show' THEN 1 ELSE 0 END AS no_show,
                    CASE WHEN x.start_ms >= @from THEN 1 ELSE 0 END AS starts,
                    ((x.start_ms + {offset}) / 86400000 + 3) % 7 + 1 AS weekday, ((x.start_ms + {offset}) % 86400000) / 3600000 AS hour
                  FROM reservations x
                  WHERE x.status IN ('confirmed', 'checked_in', 'completed', 'cancelled', 'no_show') AND {Overlaps}
                  AND x.resource_id IN (SELECT r.id FROM resources r WHERE {ResourceWhere(command, filter)})) l
            GROUP BY GROUPING SETS ((l.resource_id), (l.user_id), (l.weekday, l.hour))
            """;
        Window(command, filter);
        var (resources, peak, users) = (new List<ResourceBookings>(), new List<PeakCell>(), new List<UserBookings>());
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var (bookings, bookedMs) = (Long(reader, 6), Long(reader, 7));
                if (Long(reader, 0) == 0)
                {
                    if (bookings > 0)
                    {
                        resources.Add(new ResourceBookings(Guid.Parse(reader.GetString(2)), bookings, bookedMs));
                    }
                }
                else if (Long(reader, 1) == 0)
                {
                    users.Add(new UserBookings(Guid.Parse(reader.GetString(3)), null, bookings, bookedMs, Long(reader, 8), Long(reader, 9)));
                }
                else if (Long(reader, 10) > 0)
                {
                    peak.Add(new PeakCell((int)Long(reader, 4), (int)Long(reader, 5), Long(reader, 10)));
                }
            }
        }

        var names = await UsernamesAsync(connection, users.Select(u => u.UserId).ToArray(), ct);
        return new DashboardAggregates(resources, peak, users.Select(u => u with { Username = names.GetValueOrDefault(u.UserId) }).ToList());
    }

    private static async Task<Dictionary<Guid, string?>> UsernamesAsync(DbConnection connection, Guid[] ids, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string?>();
        await using var command = connection.Command("SELECT id, payload FROM users WHERE id = ANY(@ids)")
            .With("ids", ids.Select(id => id.ToString()).ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            names[Guid.Parse(reader.GetString(0))] = UsernameOf(reader.GetString(1));
        }

        return names;
    }
}
