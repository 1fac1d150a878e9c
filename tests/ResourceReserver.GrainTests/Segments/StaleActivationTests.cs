using Orleans.Storage;
using ResourceReserver.Contracts;
using ResourceReserver.GrainTests.Fixtures;
using ResourceReserver.Resources;
using static ResourceReserver.GrainTests.Segments.LedgerHarness;

namespace ResourceReserver.GrainTests.Segments;

/// <summary>
/// Two activations of one resource read the same rows (a stale duplicate during a membership change). Whatever
/// the live one then commits, including moves and removals of entries kept in old sealed segments, resource
/// changes and segment roll-overs, any later decision of the stale one must fail its write: else it would decide
/// on a view that misses the live one's bookings, the way double bookings happen.
/// </summary>
[Collection(FaultyStorageCollection.Name)]
public sealed class StaleActivationTests(FaultyStorageFixture fixture)
{
    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var live in LiveActions.Keys)
        {
            foreach (var stale in StaleActions.Keys)
            {
                data.Add(live, stale, false);
                data.Add(live, stale, true);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, Func<ResourceLedger, Setup, Task>> LiveActions = new()
    {
        ["book"] = (l, _) => Do(() => l.PutReservation(Reservation(500))),
        ["roll over"] = (l, s) => s.FillAsync(l, 70, 600),
        ["move sealed"] = (l, s) => Do(() => l.PutReservation(l.Reservations[s.InSegmentZero] with { Start = s.At(900), End = s.At(901) })),
        ["cancel sealed"] = (l, s) => Do(() => l.PutReservation(l.Reservations[s.InSegmentZero] with { Status = ReservationStatus.Cancelled })),
        ["remove sealed"] = (l, s) => Do(() => l.RemoveReservation(s.InSegmentZero)),
        ["release hold"] = (l, s) => Do(() => l.RemoveHold(s.Hold)),
        ["change resource"] = (l, _) => Do(() => l.Resource = l.Resource! with { Details = l.Resource.Details with { Capacity = 2 } }),
    };

    private static readonly Dictionary<string, Action<ResourceLedger, Setup>> StaleActions = new()
    {
        ["book"] = (l, _) => l.PutReservation(Reservation(500)),
        ["move sealed"] = (l, s) => l.PutReservation(l.Reservations[s.InSegmentOne] with { Start = s.At(900), End = s.At(901) }),
        ["remove sealed"] = (l, s) => l.RemoveReservation(s.InSegmentOne),
        ["release hold"] = (l, s) => l.RemoveHold(s.Hold),
        ["change resource"] = (l, _) => l.Resource = l.Resource! with { Details = l.Resource.Details with { Capacity = 3 } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_stale_activation_cannot_commit_after_the_live_one_did(string live, string stale, bool noOpenSegment)
    {
        var harness = new LedgerHarness(fixture);
        var setup = await Setup.CreateAsync(harness, noOpenSegment ? 128 : 150);
        var liveLedger = await harness.LoadAsync();
        var staleLedger = await harness.LoadAsync();

        await LiveActions[live](liveLedger, setup);
        await harness.FlushAsync(liveLedger);
        StaleActions[stale](staleLedger, setup);

        await Assert.ThrowsAsync<InconsistentStateException>(() => harness.FlushAsync(staleLedger));
        var stored = await harness.LoadAsync();
        Assert.Equal(liveLedger.Reservations.OrderBy(r => r.Key), stored.Reservations.OrderBy(r => r.Key));
        Assert.Equal(liveLedger.Holds.Keys.Order(), stored.Holds.Keys.Order());
        Assert.Equal(liveLedger.Resource!.Details.Capacity, stored.Resource!.Details.Capacity);
    }

    private static Task Do(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    /// <summary>A resource with full, sealed segments 0 and 1 (a hold in segment 0) and, unless 128, an open segment 2.</summary>
    private sealed class Setup(LedgerHarness harness)
    {
        public Guid InSegmentZero { get; private set; }

        public Guid InSegmentOne { get; private set; }

        public Guid Hold { get; private set; }

        public static async Task<Setup> CreateAsync(LedgerHarness harness, int entries)
        {
            var setup = new Setup(harness);
            var ledger = await harness.LoadAsync();
            ledger.Resource = Resource(1);
            var hold = LedgerHarness.Hold(0);
            ledger.PutHold(hold);
            setup.Hold = hold.Id;
            await harness.FlushAsync(ledger);
            await setup.FillAsync(ledger, entries - 1, 1);
            var ordered = ledger.Reservations.Values.OrderBy(r => r.Start).ToList();
            (setup.InSegmentZero, setup.InSegmentOne) = (ordered[10].Id, ordered[100].Id);
            Assert.Equal(entries == 128 ? 2 : 3, ledger.SegmentCount);
            return setup;
        }

        public DateTimeOffset At(int hour) => LedgerHarness.Reservation(hour).Start;

        /// <summary>Books one by one, each in its own write, as separate callers would.</summary>
        public async Task FillAsync(ResourceLedger ledger, int count, int firstHour)
        {
            for (var i = 0; i < count; i++)
            {
                ledger.PutReservation(Reservation(firstHour + i));
                await harness.FlushAsync(ledger);
            }
        }
    }
}
