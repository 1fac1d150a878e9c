using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.GrainTests.Fixtures;
using static ResourceReserver.GrainTests.Fixtures.Arrange;
using static ResourceReserver.GrainTests.Waitlist.WaitlistArrange;

namespace ResourceReserver.GrainTests.Waitlist;

/// <summary>
/// Freed capacity goes to the waitlist in the decision that frees it: there is no moment, however short,
/// between a cancellation and the offer in which a direct booking could take the slot.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class WaitlistFreedCapacityTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_direct_booking_right_after_a_cancellation_never_takes_the_slot_from_a_waiting_entry()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var resource = await ResourceAsync(Grains);
            var id = (await resource.GetAsync())!.Id;
            var booked = await BookOkAsync(resource, Booking(9, 10));
            var entry = await JoinOkAsync(Grains, id, Guid.NewGuid(), 9, 10);
            Assert.Equal(WaitlistStatus.Waiting, entry.Status);

            // Sent as soon as the cancellation is acknowledged, before the waitlist has heard of it.
            Assert.True((await resource.CancelAsync(booked.Id, Admin, null)).IsSuccess);
            var outsider = await resource.BookAsync(Booking(9, 10));

            Assert.Equal("booking_conflict", outsider.Error?.Code);
            var offered = await EventuallyAsync(Grains, id, entry, WaitlistStatus.Offered);
            var accepted = await Grains.GetGrain<IWaitlistGrain>(id).AcceptAsync(offered.Id, new Actor(entry.UserId, false));
            Assert.True(accepted.IsSuccess, accepted.Error?.Code);
        }
    }

    [Fact]
    public async Task An_entry_that_left_is_offered_nothing()
    {
        var resource = await ResourceAsync(Grains);
        var id = (await resource.GetAsync())!.Id;
        var booked = await BookOkAsync(resource, Booking(9, 10));
        var entry = await JoinOkAsync(Grains, id, Guid.NewGuid(), 9, 10);
        var left = await Grains.GetGrain<IWaitlistGrain>(id).LeaveAsync(entry.Id, new Actor(entry.UserId, false));
        Assert.True(left.IsSuccess, left.Error?.Code);

        Assert.True((await resource.CancelAsync(booked.Id, Admin, null)).IsSuccess);

        Assert.Null(await Grains.GetGrain<IResourceHoldsGrain>(id).GetHoldAsync(entry.Id));
        await BookOkAsync(resource, Booking(9, 10));
    }
}
