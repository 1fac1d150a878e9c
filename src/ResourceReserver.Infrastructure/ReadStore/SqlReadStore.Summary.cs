using ResourceReserver.Contracts;

namespace ResourceReserver.Infrastructure.ReadStore;

public sealed partial class SqlReadStore
{
    /// <summary>
    /// Live resources by what they can do at <paramref name="now"/>: unavailable (disabled or in maintenance),
    /// in use (no capacity left now) or available now (some capacity left).
    /// </summary>
    public async Task<AvailabilitySummary> GetAvailabilitySummaryAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*),
                   COALESCE(SUM(CASE WHEN r.status <> 'available' THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN r.status = 'available' AND r.capacity <= COALESCE((SELECT SUM(x.quantity) FROM reservations x
                       WHERE x.resource_id = r.id AND x.status = 'confirmed' AND x.start_ms <= @now AND x.end_ms > @now), 0) THEN 1 ELSE 0 END), 0)
            FROM resources r WHERE r.deleted = 0
            """;
        command.With("now", now.ToUnixMs());
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var total = Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
        var unavailable = Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        var inUse = Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
        return new AvailabilitySummary(total, total - unavailable - inUse, inUse, unavailable);
    }
}
