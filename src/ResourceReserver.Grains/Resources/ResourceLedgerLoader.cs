using Orleans.Storage;

namespace ResourceReserver.Resources;

/// <summary>Reads a resource's rows: the index, the segments it lists, and any later segment it does not list yet.</summary>
internal static class ResourceLedgerLoader
{
    /// <summary>The whole-state row written before segments existed; read only while no segment exists.</summary>
    private const string LegacyName = "resource";

    public static async Task<ResourceLedger> LoadAsync(IGrainStorage storage, GrainId grainId)
    {
        var index = await StoredRow<ResourceIndex>.ReadAsync(storage, ResourceLedger.IndexName, grainId);
        var listed = await Task.WhenAll(index.State.Segments.Where(n => n < index.State.NextSegment).Distinct().Select(async n =>
            (Number: n, Row: await StoredRow<ReservationSegment>.ReadAsync(storage, ResourceLedger.SegmentName(n), grainId))));

        // Segment numbers only grow and each is created once, so a segment opened after the index was last written
        // (a crash in between, or another activation) is found by reading the next numbers.
        var probed = new List<(int Number, StoredRow<ReservationSegment> Row)>();
        for (var number = index.State.NextSegment; ; number++)
        {
            var row = await StoredRow<ReservationSegment>.ReadAsync(storage, ResourceLedger.SegmentName(number), grainId);
            if (!row.RecordExists)
            {
                break;
            }

            probed.Add((number, row));
        }

        var segments = listed.Where(s => s.Row.RecordExists).Concat(probed).ToList();
        if (segments.Count == 0 && await ReadLegacyAsync(storage, grainId) is { } legacy)
        {
            // Segment 0 is created by the first flush; a second activation migrating too fails that creation.
            segments.Add((0, legacy));
        }

        return new ResourceLedger(index, segments);
    }

    /// <summary>Moves a whole-state row into segment 0, not yet stored.</summary>
    private static async Task<StoredRow<ReservationSegment>?> ReadLegacyAsync(IGrainStorage storage, GrainId grainId)
    {
        var legacy = new GrainState<ResourceState>();
        await storage.ReadStateAsync(LegacyName, grainId, legacy);
        if (!legacy.RecordExists || legacy.State is not { } old)
        {
            return null;
        }

        return new StoredRow<ReservationSegment>(ResourceLedger.SegmentName(0), new ReservationSegment
        {
            Resource = old.Resource,
            HoldTiming = old.HoldTiming,
            Reservations = old.Reservations,
            Holds = old.Holds,
            Answers = old.Answers,
            Outbox = old.Outbox,
        });
    }
}
