using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;

namespace ResourceReserver.ApiTests.Concurrency;

/// <summary>
/// Reads back what was stored, bypassing the API: the grains after every activation was dropped (so they
/// re-read their state from storage), and the read store's projection straight from SQLite.
/// </summary>
internal static class StoredReservations
{
    /// <summary>Deactivates every grain so the next call reads state from storage, then asks each resource.</summary>
    public static async Task<IReadOnlyList<Reservation>> FromGrainStorageAsync(IServiceProvider services, IEnumerable<Guid> resourceIds)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var all = new List<Reservation>();
        foreach (var id in resourceIds)
        {
            all.AddRange(await grains.GetGrain<IResourceGrain>(id).GetReservationsAsync());
        }

        return all;
    }

    /// <summary>Confirmed reservations in the read store's projection, read with plain SQL.</summary>
    public static async Task<IReadOnlyList<(Guid Id, Guid ResourceId, long Start, long End, int Quantity)>> FromReadStoreAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, resource_id, start_ms, end_ms, quantity FROM reservations WHERE status = 'confirmed'";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(Guid, Guid, long, long, int)>();
        while (await reader.ReadAsync())
        {
            rows.Add((Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt32(4)));
        }

        return rows;
    }

    /// <summary>The highest summed quantity at any instant among the given intervals (brute force over all starts).</summary>
    public static int PeakLoad(IEnumerable<(long Start, long End, int Quantity)> intervals)
    {
        var list = intervals.ToList();
        return list.Count == 0 ? 0 : list.Max(probe => list.Where(o => o.Start <= probe.Start && probe.Start < o.End).Sum(o => o.Quantity));
    }
}
