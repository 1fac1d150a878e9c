using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.GrainTests.Fixtures;
using static ResourceReserver.GrainTests.Fixtures.Arrange;

namespace ResourceReserver.GrainTests.Resources;

[Collection(ClusterCollection.Name)]
public sealed class BookingTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Book_conflict_cancel_rebook()
    {
        var grain = await ResourceAsync(_grains);
        var owner = Guid.NewGuid();
        var first = await BookOkAsync(grain, Booking(9, 10, owner));

        var conflict = await grain.BookAsync(Booking(9.5, 10.5));
        var cancelled = await grain.CancelAsync(first.Id, new Actor(owner, false), "plans changed");
        var rebooked = await grain.BookAsync(Booking(9.5, 10.5));

        Assert.Equal(ReservationStatus.Confirmed, first.Status);
        Assert.Equal("booking_conflict", conflict.Error?.Code);
        Assert.Equal(ErrorKind.Conflict, conflict.Error?.Kind);
        Assert.Equal([first.Range], conflict.Error!.Conflicts);
        Assert.Contains(new TimeRange(Tomorrow(10), Tomorrow(11)), conflict.Error.Suggestions);
        Assert.Equal(ReservationStatus.Cancelled, cancelled.Value?.Status);
        Assert.Equal("plans changed", cancelled.Value?.CancelReason);
        Assert.True(rebooked.IsSuccess, rebooked.Error?.Code);
        Assert.Equal("already_cancelled", (await grain.CancelAsync(first.Id, new Actor(owner, false), null)).Error?.Code);
    }

    [Fact]
    public async Task Back_to_back_bookings_are_both_accepted()
    {
        var grain = await ResourceAsync(_grains);

        await BookOkAsync(grain, Booking(9, 10));
        await BookOkAsync(grain, Booking(10, 11));
        await BookOkAsync(grain, Booking(8, 9));
    }

    [Fact]
    public async Task Capacity_three_takes_three_overlapping_single_bookings_and_refuses_the_fourth()
    {
        var grain = await ResourceAsync(_grains, capacity: 3);
        for (var i = 0; i < 3; i++)
        {
            await BookOkAsync(grain, Booking(9 + (i * 0.25), 11));
        }

        var fourth = await grain.BookAsync(Booking(10, 10.5));
        var afterwards = await grain.BookAsync(Booking(11, 12, quantity: 3));

        Assert.Equal("booking_conflict", fourth.Error?.Code);
        Assert.Equal(3, fourth.Error!.Conflicts.Count);
        Assert.True(afterwards.IsSuccess, afterwards.Error?.Code);
    }

    [Fact]
    public async Task Quantities_add_up_against_capacity()
    {
        var grain = await ResourceAsync(_grains, capacity: 5);
        await BookOkAsync(grain, Booking(9, 10, quantity: 3));

        Assert.Equal("booking_conflict", (await grain.BookAsync(Booking(9, 10, quantity: 3))).Error?.Code);
        Assert.True((await grain.BookAsync(Booking(9, 10, quantity: 2))).IsSuccess);
        Assert.Equal("invalid_quantity", (await grain.BookAsync(Booking(12, 13, quantity: 6))).Error?.Code);
    }

    [Fact]
    public async Task Invalid_requests_are_refused_with_their_codes()
    {
        var grain = await ResourceAsync(_grains);

        Assert.Equal("invalid_interval", (await grain.BookAsync(Booking(10, 9))).Error?.Code);
        Assert.Equal("too_late", (await grain.BookAsync(Booking(-48, -47))).Error?.Code);
        Assert.Equal("too_early", (await grain.BookAsync(Booking(24 * 400, (24 * 400) + 1))).Error?.Code);
        Assert.Equal("duration_out_of_range", (await grain.BookAsync(Booking(9, 9.1))).Error?.Code);
        Assert.Empty(await grain.GetReservationsAsync());
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_answer()
    {
        var grain = await ResourceAsync(_grains);
        var user = Guid.NewGuid();
        var request = Booking(9, 10, user, key: "retry-1");

        var first = await grain.BookAsync(request);
        var retried = await grain.BookAsync(request with { ReservationId = Guid.NewGuid() });
        var misused = await grain.BookAsync(Booking(12, 13, user, key: "retry-1"));
        var otherUserSameKey = await grain.BookAsync(Booking(12, 13, key: "retry-1"));

        Assert.True(first.IsSuccess);
        Assert.Equal(first.Value, retried.Value);
        Assert.Single(await grain.GetReservationsAsync(), r => r.Id == first.Value!.Id);
        Assert.Equal("idempotency_key_reused", misused.Error?.Code);
        Assert.True(otherUserSameKey.IsSuccess, otherUserSameKey.Error?.Code);
    }

    [Fact]
    public async Task A_retried_refusal_under_an_idempotency_key_gets_the_same_refusal()
    {
        var grain = await ResourceAsync(_grains);
        await BookOkAsync(grain, Booking(9, 10));
        var request = Booking(9, 10, key: "k");

        var first = await grain.BookAsync(request);
        var retried = await grain.BookAsync(request);

        Assert.Equal("booking_conflict", first.Error?.Code);
        Assert.Equal("booking_conflict", retried.Error?.Code);
    }

    [Fact]
    public async Task Only_the_owner_or_an_admin_may_cancel()
    {
        var grain = await ResourceAsync(_grains);
        var owner = Guid.NewGuid();
        var reservation = await BookOkAsync(grain, Booking(9, 10, owner));

        var stranger = await grain.CancelAsync(reservation.Id, new Actor(Guid.NewGuid(), false), null);
        Assert.Equal("forbidden", stranger.Error?.Code);
        Assert.Equal(ErrorKind.Forbidden, stranger.Error?.Kind);
        Assert.Equal(ReservationStatus.Confirmed, (await grain.GetReservationAsync(reservation.Id))?.Status);

        var admin = await grain.CancelAsync(reservation.Id, Admin, "cleanup");
        Assert.Equal(ReservationStatus.Cancelled, admin.Value?.Status);
        Assert.Equal(Admin.UserId, admin.Value?.CancelledBy);
    }

    [Fact]
    public async Task Availability_shows_full_intervals_as_busy_and_the_rest_as_free()
    {
        var grain = await ResourceAsync(_grains, capacity: 2);
        var a = await BookOkAsync(grain, Booking(9, 11));
        var b = await BookOkAsync(grain, Booking(10, 12));
        await BookOkAsync(grain, Booking(14, 15));

        var view = (await grain.GetAvailabilityAsync(Tomorrow(8), Tomorrow(16), includeOwners: true)).Value!;
        var anonymous = (await grain.GetAvailabilityAsync(Tomorrow(8), Tomorrow(16), includeOwners: false)).Value!;

        var busy = Assert.Single(view.Busy);
        Assert.Equal((Tomorrow(10), Tomorrow(11)), (busy.Start, busy.End));
        Assert.Equal(new[] { a.Id, b.Id }.Order(), busy.ReservationIds.Order());
        Assert.Equal([new TimeRange(Tomorrow(8), Tomorrow(10)), new TimeRange(Tomorrow(11), Tomorrow(16))], view.Free);
        Assert.Empty(Assert.Single(anonymous.Busy).ReservationIds);
        Assert.Equal("window_too_long", (await grain.GetAvailabilityAsync(Tomorrow(), Tomorrow(24 * 94), false)).Error?.Code);
        Assert.Equal("invalid_interval", (await grain.GetAvailabilityAsync(Tomorrow(2), Tomorrow(1), false)).Error?.Code);
    }

    [Fact]
    public async Task Fifty_concurrent_bookings_of_the_same_slot_yield_exactly_one_success()
    {
        var grain = await ResourceAsync(_grains);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => grain.BookAsync(Booking(9, 10))));

        Assert.Single(outcomes, o => o.IsSuccess);
        Assert.All(outcomes.Where(o => !o.IsSuccess), o => Assert.Equal("booking_conflict", o.Error?.Code));
        Assert.Single(await grain.GetReservationsAsync());
    }

    [Fact]
    public async Task A_reused_reservation_id_returns_the_existing_booking_to_its_owner_only()
    {
        var grain = await ResourceAsync(_grains, capacity: 3);
        var request = Booking(9, 10);
        var first = await BookOkAsync(grain, request);

        var again = await grain.BookAsync(request);
        var hijack = await grain.BookAsync(request with { UserId = Guid.NewGuid() });

        Assert.Equal(first, again.Value);
        Assert.Equal("duplicate_reservation_id", hijack.Error?.Code);
        Assert.Single(await grain.GetReservationsAsync());
    }
}
