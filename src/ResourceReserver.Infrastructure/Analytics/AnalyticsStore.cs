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
/// </summary>
public sealed class AnalyticsStore(DbDataSource dataSource)
{
    /// <summary>The statuses that count as booked: taken, in use or used.</summary>
    public static readonly IReadOnlyList<string> BookedStatuses = ["confirmed", "checked_in", "completed"];

    private const string Booked = "x.status IN ('confirmed', 'checked_in', 'completed')";
    private const string Overlaps = "x.start_ms < @until AND x.end_ms > @from";

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

    /// <summary>Bookings and booked milliseconds per resource that has any in the window.</summary>
    public async Task<IReadOnlyList<ResourceBookings>> BookedByResourceAsync(AnalyticsFilter filter, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"""
            SELECT x.resource_id, COUNT(*), SUM({ClippedMs}) FROM reservations x
            WHERE {Booked} AND {Overlaps} AND x.resource_id IN (SELECT r.id FROM resources r WHERE {ResourceWhere(command, filter)})
            GROUP BY x.resource_id
            """;
        Window(command, filter);
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
    /// over the window come in as <paramref name="offsets"/> (in order, the last one reaching the window's end), so the
    /// local time is plain arithmetic on unix milliseconds in either database.
    /// </summary>
    public async Task<IReadOnlyList<PeakCell>> PeakAsync(AnalyticsFilter filter, IReadOnlyList<OffsetSpan> offsets, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        var offset = LocalOffset(command, offsets);
        // Day 0 of unix time (1970-01-01) was a Thursday, ISO weekday 4.
        command.CommandText =
            $"""
            SELECT (l.local_ms / 86400000 + 3) % 7 + 1, (l.local_ms % 86400000) / 3600000, COUNT(*)
            FROM (SELECT x.start_ms + {offset} AS local_ms FROM reservations x
                  WHERE {Booked} AND x.start_ms >= @from AND x.start_ms < @until
                  AND x.resource_id IN (SELECT r.id FROM resources r WHERE {ResourceWhere(command, filter)})) l
            GROUP BY 1, 2 ORDER BY 1, 2
            """;
        Window(command, filter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var cells = new List<PeakCell>();
        while (await reader.ReadAsync(ct))
        {
            cells.Add(new PeakCell((int)Long(reader, 0), (int)Long(reader, 1), Long(reader, 2)));
        }

        return cells;
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
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
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
        Window(command, filter);
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

    private static void Window(DbCommand command, AnalyticsFilter filter) =>
        command.With("from", filter.From.ToUnixMs()).With("until", filter.Until.ToUnixMs());

    private static long Long(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static string? UsernameOf(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.TryGetProperty("username", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
    }
}
