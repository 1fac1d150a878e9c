using ResourceReserver.Contracts;
using ResourceReserver.GrainTests.Fixtures;
using ResourceReserver.Resources;
using static ResourceReserver.GrainTests.Segments.LedgerHarness;

namespace ResourceReserver.GrainTests.Segments;

/// <summary>
/// Random changes (new, changed and removed reservations and holds, resource changes, compaction), flushed in
/// batches, some flushes "crashing" right after the fence write: whatever storage is read back must equal what
/// was committed, with no removed entry coming back from an older segment and no change lost.
/// </summary>
[Collection(FaultyStorageCollection.Name)]
public sealed class LedgerRoundTripTests(FaultyStorageFixture fixture)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task What_is_read_back_equals_what_was_committed(int seed)
    {
        var random = new Random(seed);
        var harness = new LedgerHarness(fixture);
        var reservations = new Dictionary<Guid, Reservation>();
        var holds = new Dictionary<Guid, Hold>();
        var ledger = await harness.LoadAsync();
        ledger.Resource = Resource(1);
        await harness.FlushAsync(ledger);

        for (var step = 0; step < 300; step++)
        {
            for (var change = random.Next(1, 6); change > 0; change--)
            {
                Change(ledger, random, reservations, holds);
            }

            var crash = random.Next(4) == 0;
            await harness.FlushAsync(ledger, crashAfterFence: crash);
            if (crash || random.Next(10) == 0)
            {
                ledger = await harness.LoadAsync();
                AssertSame(reservations, holds, ledger);

                // What the activation does right after reading: write the repairs (tidying, index).
                await harness.FlushAsync(ledger);
            }
        }

        // Emptied, the resource shrinks back to a couple of segments.
        reservations.Keys.ToList().ForEach(ledger.RemoveReservation);
        holds.Keys.ToList().ForEach(ledger.RemoveHold);
        for (var pass = 0; pass < 3; pass++)
        {
            ledger.Compact();
            await harness.FlushAsync(ledger);
        }

        var emptied = await harness.LoadAsync();
        AssertSame([], [], emptied);
        Assert.InRange(emptied.SegmentCount, 1, 2);
    }

    private static void Change(ResourceLedger ledger, Random random, Dictionary<Guid, Reservation> reservations, Dictionary<Guid, Hold> holds)
    {
        switch (random.Next(10))
        {
            case < 4:
                var added = Reservation(random.Next(5000));
                ledger.PutReservation(added);
                reservations[added.Id] = added;
                break;
            case 4 when reservations.Count > 0:
                var moved = reservations.Values.ElementAt(random.Next(reservations.Count)) with { Title = $"moved {random.Next()}" };
                ledger.PutReservation(moved);
                reservations[moved.Id] = moved;
                break;
            case 5 when reservations.Count > 0:
                var removed = reservations.Keys.ElementAt(random.Next(reservations.Count));
                ledger.RemoveReservation(removed);
                reservations.Remove(removed);
                break;
            case 6:
                var hold = Hold(random.Next(5000));
                ledger.PutHold(hold);
                holds[hold.Id] = hold;
                break;
            case 7 when holds.Count > 0:
                // Confirmed: the hold leaves and a reservation with its id arrives, in one decision.
                var confirmed = holds.Keys.ElementAt(random.Next(holds.Count));
                ledger.RemoveHold(confirmed);
                holds.Remove(confirmed);
                if (random.Next(2) == 0)
                {
                    var booked = Reservation(random.Next(5000), confirmed);
                    ledger.PutReservation(booked);
                    reservations[booked.Id] = booked;
                }

                break;
            case 8:
                ledger.Resource = ledger.Resource! with { Version = ledger.Resource.Version + 1 };
                break;
            default:
                ledger.Compact();
                break;
        }
    }

    private static void AssertSame(Dictionary<Guid, Reservation> reservations, Dictionary<Guid, Hold> holds, ResourceLedger stored)
    {
        Assert.Equal(reservations.OrderBy(r => r.Key), stored.Reservations.OrderBy(r => r.Key));
        Assert.Equal(holds.OrderBy(h => h.Key), stored.Holds.OrderBy(h => h.Key));
    }
}
