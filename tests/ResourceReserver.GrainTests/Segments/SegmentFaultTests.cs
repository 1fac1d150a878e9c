using Orleans.Storage;
using ResourceReserver.Contracts;
using ResourceReserver.GrainTests.Fixtures;
using static ResourceReserver.GrainTests.Fixtures.Arrange;

namespace ResourceReserver.GrainTests.Segments;

/// <summary>Writes that fail part-way: nothing acknowledged is lost and nothing unacknowledged is kept in memory.</summary>
[Collection(FaultyStorageCollection.Name)]
public sealed class SegmentFaultTests(FaultyStorageFixture fixture)
{
    private static bool IsSegment(string stateName) => stateName.StartsWith("resource-seg-", StringComparison.Ordinal);

    [Fact]
    public async Task A_booking_writes_one_row()
    {
        var grain = await ResourceAsync(fixture.Grains);
        await BookOkAsync(grain, Booking(1, 2));
        fixture.Faults.Written.Clear();

        await BookOkAsync(grain, Booking(3, 4));

        Assert.Equal(["resource-seg-0"], fixture.Faults.Written);
    }

    [Fact]
    public async Task A_failed_index_write_after_a_new_segment_loses_nothing()
    {
        var grain = await ResourceAsync(fixture.Grains);
        for (var i = 0; i < 64; i++)
        {
            await BookOkAsync(grain, Booking(i, i + 1));
        }

        // Segment 0 was sealed by the write that filled it. The next booking opens segment 1 and writes it (the
        // fence, which holds the booking), then the index, which fails: the booking was already acknowledged.
        fixture.Faults.FailWrite(name => name == "resource-index", () => new IOException("crash before the index write"));
        var request = Booking(100, 101);
        var booked = await BookOkAsync(grain, request);
        Assert.False(fixture.Faults.Armed);

        // Read back, segment 1 is found by probing past the index; the retried request finds its reservation.
        await fixture.Cluster.DeactivateAsync(grain);
        Assert.Equal(65, (await grain.GetReservationsAsync()).Count);
        var retried = await grain.BookAsync(request);
        Assert.Equal(booked.Id, retried.Value?.Id);
        await BookOkAsync(grain, Booking(102, 103));
        await fixture.Cluster.DeactivateAsync(grain);
        Assert.Equal(66, (await grain.GetReservationsAsync()).Count);
    }

    [Fact]
    public async Task A_version_conflict_is_decided_again_on_fresh_state()
    {
        var grain = await ResourceAsync(fixture.Grains);
        await BookOkAsync(grain, Booking(1, 2));
        fixture.Faults.FailWrite(IsSegment, () => new InconsistentStateException("another activation wrote first"));

        var booked = await BookOkAsync(grain, Booking(3, 4));

        await fixture.Cluster.DeactivateAsync(grain);
        Assert.NotNull(await grain.GetReservationAsync(booked.Id));
    }

    [Fact]
    public async Task A_failed_batch_write_acknowledges_nothing_it_held()
    {
        var grain = await ResourceAsync(fixture.Grains);
        await BookOkAsync(grain, Booking(0, 1));

        // The third segment write from now fails, while 64 callers keep the queue full.
        fixture.Faults.FailWrite(IsSegment, () => new IOException("disk gone"), skip: 2);
        var requests = Enumerable.Range(1, 64).Select(i => Booking(i, i + 1)).ToList();
        var answers = await Task.WhenAll(requests.Select(async r =>
        {
            try
            {
                return (r.ReservationId, Acknowledged: (await grain.BookAsync(r)).IsSuccess);
            }
            catch (Exception)
            {
                return (r.ReservationId, Acknowledged: false);
            }
        }));

        Assert.False(fixture.Faults.Armed);
        Assert.Contains(answers, a => !a.Acknowledged);
        await fixture.Cluster.DeactivateAsync(grain);
        var stored = (await grain.GetReservationsAsync()).Select(r => r.Id).ToHashSet();
        foreach (var (id, acknowledged) in answers)
        {
            Assert.Equal(acknowledged, stored.Contains(id));
        }
    }
}
