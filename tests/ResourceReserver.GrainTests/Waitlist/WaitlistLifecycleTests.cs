using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.GrainTests.Fixtures;
using static ResourceReserver.GrainTests.Fixtures.Arrange;
using static ResourceReserver.GrainTests.Waitlist.WaitlistArrange;

namespace ResourceReserver.GrainTests.Waitlist;

/// <summary>Join → capacity frees → offer → accept/decline/expire → next; leave; positions.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WaitlistLifecycleTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Freed_slot_is_offered_and_accepting_books_it_exactly_once()
    {
        var resource = await ResourceAsync(Grains);
        var id = (await resource.GetAsync())!.Id;
        var owner = Guid.NewGuid();
        var booked = await BookOkAsync(resource, Booking(9, 10, owner));
        var waiter = Guid.NewGuid();
        var entry = await JoinOkAsync(Grains, id, waiter, 9, 10);
        Assert.Equal(WaitlistStatus.Waiting, entry.Status);
        Assert.Equal(1, entry.Position);

        await resource.CancelAsync(booked.Id, new Actor(owner, false), null);
        var offered = await EventuallyAsync(Grains, id, entry, WaitlistStatus.Offered);
        Assert.Equal(new TimeRange(Tomorrow(9), Tomorrow(10)), offered.OfferedSlot);

        // Nobody else can take the offered slot.
        Assert.Equal("booking_conflict", (await resource.BookAsync(Booking(9, 10))).Error?.Code);

        var accepted = await Grains.GetGrain<IWaitlistGrain>(id).AcceptAsync(entry.Id, new Actor(waiter, false));
        Assert.True(accepted.IsSuccess, accepted.Error?.Code);
        Assert.Equal(WaitlistStatus.Accepted, accepted.Value!.Status);
        var reservation = await resource.GetReservationAsync(entry.Id);
        Assert.Equal(ReservationStatus.Confirmed, reservation?.Status);
        Assert.Equal(waiter, reservation?.UserId);

        var again = await Grains.GetGrain<IWaitlistGrain>(id).AcceptAsync(entry.Id, new Actor(waiter, false));
        Assert.Equal("already_accepted", again.Error?.Code);
        Assert.Single(await resource.GetReservationsAsync(), r => r.Status == ReservationStatus.Confirmed);
        var history = await fixture.ReadStore.GetHistoryAsync(entry.Id);
        // The entry, its offer hold and its reservation share one id, so their history reads as one story.
        Assert.Equal(["waitlist.joined", "reservation.held", "waitlist.offer", "reservation.created", "waitlist.accepted"], history.Select(h => h.Type));
    }

    [Fact]
    public async Task Declining_passes_the_offer_to_the_next_entry()
    {
        var resource = await ResourceAsync(Grains);
        var id = (await resource.GetAsync())!.Id;
        var booked = await BookOkAsync(resource, Booking(9, 10));
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var firstEntry = await JoinOkAsync(Grains, id, first, 9, 10);
        var secondEntry = await JoinOkAsync(Grains, id, second, 9, 10);
        Assert.Equal(2, secondEntry.Position);

        await resource.CancelAsync(booked.Id, Admin, null);
        await EventuallyAsync(Grains, id, firstEntry, WaitlistStatus.Offered);
        Assert.Equal(WaitlistStatus.Waiting, (await EntryAsync(Grains, id, secondEntry)).Status);

        var declined = await Grains.GetGrain<IWaitlistGrain>(id).DeclineAsync(firstEntry.Id, new Actor(first, false));
        Assert.Equal(WaitlistStatus.Declined, declined.Value?.Status);
        var next = await EventuallyAsync(Grains, id, secondEntry, WaitlistStatus.Offered);
        Assert.Equal(1, next.Position);
    }

    [Fact]
    public async Task An_unanswered_offer_expires_on_time_and_passes_on()
    {
        var resource = await ResourceAsync(Grains);
        var id = (await resource.GetAsync())!.Id;
        await SetTimingAsync(Grains, id, offer: TimeSpan.FromSeconds(2));
        var booked = await BookOkAsync(resource, Booking(9, 10));
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var firstEntry = await JoinOkAsync(Grains, id, first, 9, 10);
        var secondEntry = await JoinOkAsync(Grains, id, second, 9, 10);

        await resource.CancelAsync(booked.Id, Admin, null);
        await EventuallyAsync(Grains, id, firstEntry, WaitlistStatus.Offered);
        await EventuallyAsync(Grains, id, secondEntry, WaitlistStatus.Offered, seconds: 5);
        Assert.Equal(WaitlistStatus.Expired, (await EntryAsync(Grains, id, firstEntry)).Status);

        var late = await Grains.GetGrain<IWaitlistGrain>(id).AcceptAsync(firstEntry.Id, new Actor(first, false));
        Assert.Equal(ErrorKind.Gone, late.Error?.Kind);
        Assert.Equal("offer_expired", late.Error?.Code);
        Assert.Null(await resource.GetReservationAsync(firstEntry.Id));
    }

    [Fact]
    public async Task Leaving_closes_the_entry_and_flexible_entries_get_any_fitting_window()
    {
        var resource = await ResourceAsync(Grains);
        var id = (await resource.GetAsync())!.Id;
        var booked = await BookOkAsync(resource, Booking(9, 17));
        var (leaver, flexible) = (Guid.NewGuid(), Guid.NewGuid());
        var leaving = await JoinOkAsync(Grains, id, leaver, 9, 10);
        var flexEntry = await JoinOkAsync(Grains, id, flexible, 12, 13, new FlexibleRange(Tomorrow(8), Tomorrow(18)));
        var left = await Grains.GetGrain<IWaitlistGrain>(id).LeaveAsync(leaving.Id, new Actor(leaver, false));
        Assert.Equal(WaitlistStatus.Left, left.Value?.Status);
        Assert.Equal(1, (await EntryAsync(Grains, id, flexEntry)).Position);

        await resource.CancelAsync(booked.Id, Admin, null);
        var offered = await EventuallyAsync(Grains, id, flexEntry, WaitlistStatus.Offered);
        Assert.Equal(new TimeRange(Tomorrow(8), Tomorrow(9)), offered.OfferedSlot);
        Assert.Equal(WaitlistStatus.Left, (await EntryAsync(Grains, id, leaving)).Status);
    }

    [Fact]
    public async Task A_hold_blocks_the_slot_lapses_on_time_and_frees_it_for_the_waitlist()
    {
        var resource = await ResourceAsync(Grains);
        var id = (await resource.GetAsync())!.Id;
        await SetTimingAsync(Grains, id, hold: TimeSpan.FromSeconds(2));
        var holds = Grains.GetGrain<IResourceHoldsGrain>(id);
        var holder = Guid.NewGuid();
        var hold = await holds.PlaceHoldAsync(new HoldRequest(Guid.NewGuid(), holder, Tomorrow(9), Tomorrow(10)));
        Assert.True(hold.IsSuccess, hold.Error?.Code);
        Assert.Equal("booking_conflict", (await resource.BookAsync(Booking(9, 10))).Error?.Code);
        var entry = await JoinOkAsync(Grains, id, Guid.NewGuid(), 9, 10);

        await EventuallyAsync(Grains, id, entry, WaitlistStatus.Offered, seconds: 6);
        Assert.Null(await holds.GetHoldAsync(hold.Value!.Id));
        Assert.Equal("hold_not_found", (await holds.ConfirmHoldAsync(hold.Value.Id, new Actor(holder, false))).Error?.Code);
    }

    [Fact]
    public async Task A_confirmed_hold_is_a_reservation_and_a_released_one_frees_the_slot()
    {
        var resource = await ResourceAsync(Grains);
        var id = (await resource.GetAsync())!.Id;
        var holds = Grains.GetGrain<IResourceHoldsGrain>(id);
        var holder = new Actor(Guid.NewGuid(), false);
        var first = (await holds.PlaceHoldAsync(new HoldRequest(Guid.NewGuid(), holder.UserId, Tomorrow(9), Tomorrow(10)))).Value!;
        var second = (await holds.PlaceHoldAsync(new HoldRequest(Guid.NewGuid(), holder.UserId, Tomorrow(11), Tomorrow(12)))).Value!;

        Assert.Equal("forbidden", (await holds.ConfirmHoldAsync(first.Id, new Actor(Guid.NewGuid(), false))).Error?.Code);
        var confirmed = await holds.ConfirmHoldAsync(first.Id, holder);
        Assert.Equal(ReservationStatus.Confirmed, confirmed.Value?.Status);
        Assert.Equal(first.Id, confirmed.Value?.Id);
        Assert.True((await holds.ReleaseHoldAsync(second.Id, holder)).IsSuccess);
        await BookOkAsync(resource, Booking(11, 12));
        Assert.Equal("booking_conflict", (await resource.BookAsync(Booking(9, 10))).Error?.Code);
    }
}
