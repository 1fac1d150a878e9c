using Orleans.Storage;

namespace ResourceReserver.Resources;

/// <summary>Reads a resource's rows: the header, the segments it lists, and any later segment a crash left unlisted.</summary>
internal static class ResourceLedgerLoader
{
    /// <summary>The whole-state row written before segments existed; read only while no header exists.</summary>
    private const string LegacyName = "resource";

    public static async Task<ResourceLedger> LoadAsync(IGrainStorage storage, GrainId grainId)
    {
        var header = await StoredRow<ResourceHeader>.ReadAsync(storage, ResourceLedger.HeaderName, grainId);
        if (!header.RecordExists && await MigrateLegacyAsync(storage, grainId, header) is { } migrated)
        {
            return migrated;
        }

        var listed = await Task.WhenAll(header.State.Segments.Distinct().Select(async n =>
            (Number: n, Row: await StoredRow<ReservationSegment>.ReadAsync(storage, ResourceLedger.SegmentName(n), grainId))));

        // Segment numbers are deterministic and only grow, so a segment written just before a crash that kept the
        // header from listing it (or written by another activation) is found by reading the next numbers.
        var probed = new List<(int Number, StoredRow<ReservationSegment> Row)>();
        for (var number = header.State.NextSegment; ; number++)
        {
            var row = await StoredRow<ReservationSegment>.ReadAsync(storage, ResourceLedger.SegmentName(number), grainId);
            if (!row.RecordExists)
            {
                break;
            }

            probed.Add((number, row));
        }

        return new ResourceLedger(header, listed.Concat(probed));
    }

    /// <summary>Moves a whole-state row into a header and segment 0; both are written by the first flush.</summary>
    private static async Task<ResourceLedger?> MigrateLegacyAsync(IGrainStorage storage, GrainId grainId, StoredRow<ResourceHeader> header)
    {
        var legacy = new GrainState<ResourceState>();
        await storage.ReadStateAsync(LegacyName, grainId, legacy);
        if (!legacy.RecordExists || legacy.State is not { } old)
        {
            return null;
        }

        header.State.Resource = old.Resource;
        header.State.HoldTiming = old.HoldTiming;
        header.State.Outbox = old.Outbox;
        var segment = new StoredRow<ReservationSegment>(ResourceLedger.SegmentName(0), new ReservationSegment
        {
            Reservations = old.Reservations,
            Holds = old.Holds,
            Answers = old.Answers,
        });
        var ledger = new ResourceLedger(header, [(0, segment)]);
        ledger.MarkAllDirty();
        return ledger;
    }
}
