using ResourceReserver.Contracts;
using ResourceReserver.GrainTests.Fixtures;
using static ResourceReserver.GrainTests.Fixtures.Arrange;

namespace ResourceReserver.GrainTests.Segments;

/// <summary>A resource's reservations live in many segment rows; what was confirmed comes back after deactivation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SegmentedStateTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Reservations_spread_over_many_segments_survive_deactivation()
    {
        var grain = await ResourceAsync(fixture.Grains);
        var owner = Guid.NewGuid();
        var series = await grain.BookSeriesAsync(new SeriesRequest
        {
            SeriesId = Guid.NewGuid(),
            UserId = owner,
            Start = Tomorrow(0),
            End = Tomorrow(1),
            Rule = "FREQ=HOURLY;INTERVAL=2;COUNT=100",
        });
        Assert.True(series.IsSuccess, series.Error?.Code);

        // 150 single bookings in the odd hours fill several 64-entry segments after the series' own.
        var singles = new List<Reservation>();
        var keyed = Booking(15, 16, key: "retry-me");
        for (var i = 0; i < 150; i++)
        {
            singles.Add(await BookOkAsync(grain, i == 7 ? keyed : Booking((2 * i) + 1, (2 * i) + 2)));
        }

        var cancelledFromSeries = series.Value!.Booked[3];
        await grain.CancelAsync(cancelledFromSeries.Id, new Actor(owner, false), null);
        await grain.CancelAsync(singles[1].Id, Admin, null);
        var moved = await grain.ChangeReservationAsync(singles[2].Id, new ReservationChange { Title = "moved" }, Admin);
        Assert.True(moved.IsSuccess, moved.Error?.Code);

        await fixture.Cluster.DeactivateAsync(grain);

        var stored = await grain.GetReservationsAsync();
        Assert.Equal(250, stored.Count);
        Assert.Equal(2, stored.Count(r => r.Status == ReservationStatus.Cancelled));
        Assert.Equal(ReservationStatus.Cancelled, (await grain.GetReservationAsync(cancelledFromSeries.Id))!.Status);
        Assert.Equal("moved", (await grain.GetReservationAsync(singles[2].Id))!.Title);

        // The idempotent answer lives in the segment of its reservation and survived with it.
        var retried = await grain.BookAsync(keyed with { ReservationId = Guid.NewGuid() });
        Assert.Equal(singles[7].Id, retried.Value?.Id);

        // And the resource keeps taking bookings after the reload.
        await BookOkAsync(grain, Booking(400, 401));
        Assert.Equal(251, (await grain.GetReservationsAsync()).Count);
    }

    [Fact]
    public async Task Deleting_a_resource_cancels_reservations_in_every_segment()
    {
        var grain = await ResourceAsync(fixture.Grains);
        for (var i = 0; i < 140; i++)
        {
            await BookOkAsync(grain, Booking(i, i + 1));
        }

        Assert.True((await grain.DeleteAsync(Admin)).IsSuccess);
        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Null(await grain.GetAsync());
        Assert.All(await grain.GetReservationsAsync(), r => Assert.Equal(ReservationStatus.Cancelled, r.Status));
    }
}
