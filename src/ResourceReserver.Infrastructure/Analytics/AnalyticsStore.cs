using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ResourceReserver.Contracts;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Infrastructure.Analytics;

/// <summary>
/// The analytics aggregates, computed in SQL over the reservations table the write path keeps (the same text in
/// SQLite and PostgreSQL). A booking counts as booked while confirmed (or completed); it counts in a window when its
/// interval overlaps the window, for its part inside the window times its quantity. Deleted resources are left out.
/// The per-resource and peak figures read the daily rollup <c>analytics_days</c> (kept by triggers, V014) for the whole
/// days inside a window, so a year costs a few hundred rows per resource instead of every reservation; per-user figures
/// have no rollup (a user-keyed one would be written by every resource's commits at once) and read the reservations.
/// </summary>
public sealed class AnalyticsStore(DbDataSource dataSource)
{
    /// <summary>The statuses that count as booked: taken, in use or used.</summary>
    public static readonly IReadOnlyList<string> BookedStatuses = ["confirmed", "checked_in", "completed"];

    private const string Booked = "x.status IN ('confirmed', 'checked_in', 'completed')";

    // @earliest: see ReportSnapshot.
    private const string Overlaps = "x.start_ms < @until AND x.end_ms > @from AND x.start_ms >= @earliest";

    // The part of the booking inside the window, in milliseconds, times its quantity (CASE instead of LEAST/GREATEST,
    // which SQLite spells MIN/MAX).
    private const string ClippedMs =
        "(CASE WHEN x.end_ms < @until THEN x.end_ms ELSE @until END - CASE WHEN x.start_ms > @from THEN x.start_ms ELSE @from END) * x.quantity";

    /// <summary>The live resources the filter selects, by name.</summary>
    public async Task<IReadOnlyList<AnalyticsResource>> ResourcesAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT r.payload FROM resources r WHERE {ResourceWhere(command, filter)} ORDER BY r.name_key, r.id";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var resources = new List<AnalyticsResource>();
        while (await reader.ReadAsync(ct))
        {
            var snapshot = JsonSerializer.Deserialize<ResourceSnapshot>(reader.GetString(0), ReadStoreJson.Options)!;
            resources.Add(new AnalyticsResource(snapshot.Id, snapshot.Details.Name, snapshot.Details.Capacity, snapshot.Details));
        }

        return resources;
    }

    /// <summary>True when the resource exists and is not deleted.</summary>
    public async Task<bool> ResourceExistsAsync(Guid resourceId, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command("SELECT COUNT(*) FROM resources WHERE id = @id AND deleted = 0").With("id", resourceId.ToString());
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>
    /// Bookings and booked milliseconds per resource that has any in the window. The whole days inside the window come from
    /// the daily rollup (bookings by their start day, whole length); the reservations supply the rest: bookings starting
    /// in the edges or before the window and reaching into it (clipped), and the part beyond the window's end of bookings
    /// that start in its last whole day (taken off again). A booking can start at most the longest reservation's length
    /// before the window and still reach into it, which bounds the edge reads to an index range.
    /// </summary>
    public async Task<IReadOnlyList<ResourceBookings>> BookedByResourceAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        var window = RollupWindow.Of(filter);
        await using var snapshot = await ReportSnapshot.OpenAsync(dataSource, ct);
        await using var command = snapshot.Command(filter);
        var parts = window.HasWholeDays
            ? $"""
              SELECT d.resource_id, d.bookings, d.booked_ms FROM analytics_days d WHERE d.day_ms >= @firstDay AND d.day_ms < @endDay
              UNION ALL
              SELECT x.resource_id, 1, {ClippedMs} FROM reservations x
              WHERE {Booked} AND x.end_ms > @from AND ((x.start_ms >= @earliest AND x.start_ms < @firstDay) OR (x.start_ms >= @endDay AND x.start_ms < @until))
              UNION ALL
              SELECT x.resource_id, 0, (@until - x.end_ms) * x.quantity FROM reservations x
              WHERE {Booked} AND x.start_ms >= @lateStart AND x.start_ms >= @firstDay AND x.start_ms < @endDay AND x.end_ms > @until
              """
            : $"SELECT x.resource_id, 1 AS bookings, {ClippedMs} AS booked_ms FROM reservations x WHERE {Booked} AND {Overlaps}";
        command.CommandText =
            $"""
            SELECT p.resource_id, SUM(p.bookings), SUM(p.booked_ms) FROM ({parts}) p
            WHERE p.resource_id IN (SELECT r.id FROM resources r WHERE {ResourceWhere(command, filter)})
            GROUP BY p.resource_id HAVING SUM(p.bookings) > 0
            """;
        command.With("firstDay", window.FirstDayMs).With("endDay", window.EndDayMs);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<ResourceBookings>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new ResourceBookings(Guid.Parse(reader.GetString(0)), Long(reader, 1), Long(reader, 2)));
        }

        return rows;
    }

    /// <summary>
    /// Bookings by the local weekday and hour of their start, for bookings starting in the window. The zone's offsets
    /// over the window come in as <paramref name="offsets"/> (in order, the last one reaching the window's end). Whole
    /// days on which the zone keeps one offset of whole hours come from the rollup's hour counts; the edges, days with an
    /// offset change and zones off the hour (India, Nepal) from the reservations.
    /// </summary>
    public async Task<IReadOnlyList<PeakCell>> PeakAsync(AnalyticsFilter filter, IReadOnlyList<OffsetSpan> offsets, CancellationToken ct = default)
    {
        var window = RollupWindow.Of(filter);
        await using var snapshot = await ReportSnapshot.OpenAsync(dataSource, ct);
        var counts = new Dictionary<(int Weekday, int Hour), long>();
        var raw = new List<(long From, long Until)>();
        var rawFrom = window.FromMs;
        foreach (var (dayMs, hours) in window.HasWholeDays ? await RolledUpStartsAsync(snapshot, filter, window, ct) : [])
        {
            if (RollupWindow.WholeHourOffset(offsets, dayMs) is not { } offset)
            {
                continue;
            }

            // Everything between the last day taken from the rollup and this one is read from the reservations.
            raw.Add((rawFrom, dayMs));
            rawFrom = dayMs + RollupWindow.DayMs;
            for (var hour = 0; hour < hours.Length; hour++)
            {
                if (hours[hour] != 0)
                {
                    var cell = RollupWindow.LocalCell(dayMs + hour * 3_600_000L, offset);
                    counts[cell] = counts.GetValueOrDefault(cell) + hours[hour];
                }
            }
        }

        raw.Add((rawFrom, window.UntilMs));
        foreach (var cell in await RawPeakAsync(snapshot, filter, offsets, raw.Where(r => r.Until > r.From).ToList(), ct))
        {
            counts[(cell.Weekday, cell.Hour)] = counts.GetValueOrDefault((cell.Weekday, cell.Hour)) + cell.Bookings;
        }

        return counts.Where(c => c.Value != 0).OrderBy(c => c.Key.Weekday).ThenBy(c => c.Key.Hour)
            .Select(c => new PeakCell(c.Key.Weekday, c.Key.Hour, c.Value)).ToList();
    }

    /// <summary>
    /// The dashboard's three aggregates, queried side by side on connections of their own. (One scan grouped three ways
    /// with GROUPING SETS was measured on PostgreSQL and was more than twice as slow: it sorts for each set.)
    /// </summary>
    public async Task<DashboardAggregates> DashboardAsync(AnalyticsFilter filter, IReadOnlyList<OffsetSpan> offsets, CancellationToken ct = default)
    {
        var resources = BookedByResourceAsync(filter, ct);
        var peak = PeakAsync(filter, offsets, ct);
        var users = ByUserAsync(filter, ct);
        return new DashboardAggregates(await resources, await peak, await users);
    }

    /// <summary>Per user with any booking, cancellation or no-show overlapping the window: the counts and booked milliseconds.</summary>
    public async Task<IReadOnlyList<UserBookings>> ByUserAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        await using var snapshot = await ReportSnapshot.OpenAsync(dataSource, ct);
        await using var command = snapshot.Command(filter);
        command.CommandText =
            $"""
            SELECT a.user_id, u.payload, a.bookings, a.booked_ms, a.cancellations, a.no_shows FROM (
                SELECT x.user_id,
                    SUM(CASE WHEN {Booked} THEN 1 ELSE 0 END) AS bookings,
                    SUM(CASE WHEN {Booked} THEN {ClippedMs} ELSE 0 END) AS booked_ms,
                    SUM(CASE WHEN x.status = 'cancelled' THEN 1 ELSE 0 END) AS cancellations,
                    SUM(CASE WHEN x.status = 'no_show' THEN 1 ELSE 0 END) AS no_shows
                FROM reservations x
                WHERE x.status IN ('confirmed', 'checked_in', 'completed', 'cancelled', 'no_show') AND {Overlaps}
                AND x.resource_id IN (SELECT r.id FROM resources r WHERE {ResourceWhere(command, filter)})
                GROUP BY x.user_id) a
            LEFT JOIN users u ON u.id = a.user_id
            """;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<UserBookings>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new UserBookings(
                Guid.Parse(reader.GetString(0)), reader.IsDBNull(1) ? null : UsernameOf(reader.GetString(1)),
                Long(reader, 2), Long(reader, 3), Long(reader, 4), Long(reader, 5)));
        }

        return rows;
    }

    // Bookings starting on each whole day of the window, by UTC hour, from the rollup (days in order).
    private static async Task<List<(long DayMs, long[] Hours)>> RolledUpStartsAsync(
        ReportSnapshot snapshot, AnalyticsFilter filter, RollupWindow window, CancellationToken ct)
    {
        await using var command = snapshot.Command(filter);
        var hours = string.Join(", ", Enumerable.Range(0, 24).Select(h => $"SUM(d.h{h:D2})"));
        command.CommandText =
            $"""
            SELECT d.day_ms, {hours} FROM analytics_days d
            WHERE d.day_ms >= @firstDay AND d.day_ms < @endDay AND d.resource_id IN (SELECT r.id FROM resources r WHERE {ResourceWhere(command, filter)})
            GROUP BY d.day_ms ORDER BY d.day_ms
            """;
        command.With("firstDay", window.FirstDayMs).With("endDay", window.EndDayMs);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var days = new List<(long, long[])>();
        while (await reader.ReadAsync(ct))
        {
            days.Add((Long(reader, 0), Enumerable.Range(1, 24).Select(i => Long(reader, i)).ToArray()));
        }

        return days;
    }

    // Bookings starting in the given stretches, by local weekday and hour: the zone's offset at each start is plain
    // arithmetic on unix milliseconds in either database.
    private static async Task<IReadOnlyList<PeakCell>> RawPeakAsync(
        ReportSnapshot snapshot, AnalyticsFilter filter, IReadOnlyList<OffsetSpan> offsets, IReadOnlyList<(long From, long Until)> stretches, CancellationToken ct)
    {
        if (stretches.Count == 0)
        {
            return [];
        }

        await using var command = snapshot.Command(filter);
        var offset = LocalOffset(command, offsets);
        // One branch per stretch, so each reads its own range of the start index (an OR of ranges made PostgreSQL scan
        // the whole table for two DST days of a year).
        var resources = ResourceWhere(command, filter);
        var starts = new StringBuilder();
        for (var i = 0; i < stretches.Count; i++)
        {
            starts.Append(CultureInfo.InvariantCulture, $"""
                {(i > 0 ? "UNION ALL " : "")}SELECT x.start_ms + {offset} AS local_ms FROM reservations x
                WHERE {Booked} AND x.start_ms >= @s{i} AND x.start_ms < @e{i} AND x.resource_id IN (SELECT r.id FROM resources r WHERE {resources})

                """);
            command.With($"s{i}", stretches[i].From).With($"e{i}", stretches[i].Until);
        }

        // Day 0 of unix time (1970-01-01) was a Thursday, ISO weekday 4.
        command.CommandText =
            $"""
            SELECT (l.local_ms / 86400000 + 3) % 7 + 1, (l.local_ms % 86400000) / 3600000, COUNT(*)
            FROM ({starts}) l
            GROUP BY 1, 2 ORDER BY 1, 2
            """;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var cells = new List<PeakCell>();
        while (await reader.ReadAsync(ct))
        {
            cells.Add(new PeakCell((int)Long(reader, 0), (int)Long(reader, 1), Long(reader, 2)));
        }

        return cells;
    }

    // The zone's offset at each booking's start: one parameter when the window has one offset (a CASE needs a WHEN).
    private static string LocalOffset(DbCommand command, IReadOnlyList<OffsetSpan> offsets)
    {
        ArgumentOutOfRangeException.ThrowIfZero(offsets.Count);
        var offset = new StringBuilder(offsets.Count > 1 ? "CASE" : "");
        for (var i = 0; i < offsets.Count - 1; i++)
        {
            offset.Append(CultureInfo.InvariantCulture, $" WHEN x.start_ms < @u{i} THEN @o{i}");
            command.With($"u{i}", offsets[i].UntilMs).With($"o{i}", offsets[i].OffsetMs);
        }

        offset.Append(offsets.Count > 1 ? " ELSE @olast END" : "@olast");
        command.With("olast", offsets[^1].OffsetMs);
        return offset.ToString();
    }

    private static string ResourceWhere(DbCommand command, AnalyticsFilter filter)
    {
        var sql = new StringBuilder("r.deleted = 0");
        if (filter.ResourceId is { } resourceId)
        {
            sql.Append(" AND r.id = @resource");
            command.With("resource", resourceId.ToString());
        }

        if (filter.GroupId is { } groupId)
        {
            sql.Append(" AND r.group_id IN (WITH RECURSIVE subtree(id) AS (SELECT CAST(@group AS TEXT) UNION SELECT g.id FROM resource_groups g"
                + " JOIN subtree s ON g.parent_id = s.id) SELECT id FROM subtree)");
            command.With("group", groupId.ToString());
        }

        return sql.ToString();
    }

    private static long Long(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static string? UsernameOf(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.TryGetProperty("username", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
    }
}
