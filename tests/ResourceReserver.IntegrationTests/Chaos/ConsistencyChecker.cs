using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using ResourceReserver.IntegrationTests.Cluster;

namespace ResourceReserver.IntegrationTests.Chaos;

/// <summary>
/// Proves the invariants after a run, against both the grains (freshly activated from PostgreSQL) and the read
/// store: no overlap on any resource (all have capacity 1), every acknowledged booking stored, every refused one
/// absent, and no reservation that no operation explains (a duplicate).
/// </summary>
public static class ConsistencyChecker
{
    private sealed record Stored(Guid Id, Guid ResourceId, Guid UserId, long StartMs, long EndMs);

    /// <summary>The list of violated invariants; empty when the run was correct.</summary>
    public static async Task<List<string>> CheckAsync(ChaosCluster cluster, BookingWorkload workload, IReadOnlyCollection<BookingOperation> operations)
    {
        var failures = new List<string>();
        var inGrains = await GrainReservationIdsAsync(cluster, workload);
        var stored = await WaitForReadStoreAsync(cluster.Database, operations);
        var acknowledged = operations.Where(o => o.Verdict == BookingVerdict.Acknowledged).ToList();
        var unknownKeys = operations.Where(o => o.Verdict == BookingVerdict.Unknown)
            .Select(o => (o.ResourceId, o.UserId, o.Start.ToUnixTimeMilliseconds(), o.End.ToUnixTimeMilliseconds())).ToHashSet();

        foreach (var operation in acknowledged)
        {
            var id = operation.ReservationId!.Value;
            if (!inGrains.Contains(id))
            {
                failures.Add($"acknowledged {id} (op {operation.Sequence}) is not in the resource grain's stored state");
            }

            if (!stored.TryGetValue(id, out var row) || row.StartMs != operation.Start.ToUnixTimeMilliseconds() || row.ResourceId != operation.ResourceId)
            {
                failures.Add($"acknowledged {id} (op {operation.Sequence}) is not confirmed in the read store as booked");
            }
        }

        var explained = acknowledged.Select(o => o.ReservationId!.Value).ToHashSet();
        foreach (var id in inGrains.Concat(stored.Keys).Distinct().Where(id => !explained.Contains(id)))
        {
            // Only an operation that never got an answer may have left a booking nobody was told about.
            if (!stored.TryGetValue(id, out var row) || !unknownKeys.Contains((row.ResourceId, row.UserId, row.StartMs, row.EndMs)))
            {
                failures.Add($"reservation {id} is stored but no acknowledged operation explains it (refused, rejected or duplicate)");
            }
        }

        foreach (var group in stored.Values.Where(r => inGrains.Contains(r.Id)).GroupBy(r => r.ResourceId))
        {
            var ordered = group.OrderBy(r => r.StartMs).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].StartMs < ordered.Take(i).Max(r => r.EndMs))
                {
                    failures.Add($"over capacity on {group.Key}: {ordered[i].Id} overlaps an earlier reservation");
                }
            }
        }

        return failures;
    }

    private static async Task<HashSet<Guid>> GrainReservationIdsAsync(ChaosCluster cluster, BookingWorkload workload)
    {
        var silo = cluster.Silos[0];
        using var admin = ApiClient.For(silo, await ApiClient.SignInAsync(silo, "admin"));
        var ids = new HashSet<Guid>();
        foreach (var resource in workload.All)
        {
            var from = Uri.EscapeDataString(workload.WindowStart.ToString("yyyy-MM-ddTHH:mm:ssZ"));
            var until = Uri.EscapeDataString(workload.WindowEnd.ToString("yyyy-MM-ddTHH:mm:ssZ"));
            var view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/resources/{resource}/availability?from={from}&until={until}");
            foreach (var busy in view.GetProperty("busy").EnumerateArray())
            {
                foreach (var id in busy.GetProperty("reservationIds").EnumerateArray())
                {
                    ids.Add(id.GetGuid());
                }
            }
        }

        return ids;
    }

    /// <summary>The outbox feeds the read store at least once but later; wait until it has settled.</summary>
    private static async Task<Dictionary<Guid, Stored>> WaitForReadStoreAsync(string database, IReadOnlyCollection<BookingOperation> operations)
    {
        var expected = operations.Count(o => o.Verdict == BookingVerdict.Acknowledged);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var previous = -1;
        while (true)
        {
            var rows = await ReadConfirmedAsync(database);
            if ((rows.Count >= expected && rows.Count == previous) || DateTime.UtcNow > deadline)
            {
                return rows;
            }

            previous = rows.Count;
            await Task.Delay(1000);
        }
    }

    private static async Task<Dictionary<Guid, Stored>> ReadConfirmedAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT id, resource_id, user_id, start_ms, end_ms FROM reservations WHERE lower(status) = 'confirmed'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<Guid, Stored>();
        while (await reader.ReadAsync())
        {
            var row = new Stored(Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), Guid.Parse(reader.GetString(2)), reader.GetInt64(3), reader.GetInt64(4));
            rows[row.Id] = row;
        }

        return rows;
    }
}
