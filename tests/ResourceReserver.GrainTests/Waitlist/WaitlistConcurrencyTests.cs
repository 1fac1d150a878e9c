using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.GrainTests.Fixtures;
using static ResourceReserver.GrainTests.Fixtures.Arrange;
using static ResourceReserver.GrainTests.Waitlist.WaitlistArrange;

namespace ResourceReserver.GrainTests.Waitlist;

/// <summary>Many users, racing cancellations and bookings: join order, one offer per unit, never over capacity.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WaitlistConcurrencyTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Positions_stay_contiguous_under_concurrent_joins_and_leaves()
    {
        var resource = await ResourceAsync(Grains);
        var id = (await resource.GetAsync())!.Id;
        await BookOkAsync(resource, Booking(9, 10));
        var users = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();
        var entries = await Task.WhenAll(users.Select(u => JoinOkAsync(Grains, id, u, 9, 10)));
        var waitlist = Grains.GetGrain<IWaitlistGrain>(id);

        await Task.WhenAll(entries.Where((_, i) => i % 3 == 0).Select(e => waitlist.LeaveAsync(e.Id, new Actor(e.UserId, false))));
        var more = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => JoinOkAsync(Grains, id, Guid.NewGuid(), 9, 10)));

        var open = (await waitlist.ListAsync(Admin, all: true)).Where(e => e.IsOpen).OrderBy(e => e.Sequence).ToList();
        Assert.Equal(30, open.Count);
        Assert.Equal(Enumerable.Range(1, 30), open.Select(e => e.Position!.Value));
        Assert.Equal(open.Select(e => e.Sequence).Order(), open.Select(e => e.Sequence));
        Assert.All(more, e => Assert.Contains(open, o => o.Id == e.Id));
    }

    [Fact]
    public async Task Racing_cancellations_and_bookings_never_double_offer_or_overbook_and_serve_join_order()
    {
        const int capacity = 2;
        var resource = await ResourceAsync(Grains, capacity);
        var id = (await resource.GetAsync())!.Id;
        var window = new TimeRange(Tomorrow(9), Tomorrow(10));
        var bookings = new List<Reservation>();
        for (var i = 0; i < capacity; i++)
        {
            bookings.Add(await BookOkAsync(resource, Booking(9, 10)));
        }

        var entries = (await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => JoinOkAsync(Grains, id, Guid.NewGuid(), 9, 10))))
            .OrderBy(e => e.Sequence).ToList();
        var waitlist = Grains.GetGrain<IWaitlistGrain>(id);

        for (var round = 0; round < 6; round++)
        {
            // Cancel everything booked directly while outsiders race to re-book and waiters accept.
            var confirmed = (await resource.GetReservationsAsync()).Where(r => r.Status == ReservationStatus.Confirmed && !entries.Any(e => e.Id == r.Id)).ToList();
            var offered = (await waitlist.ListAsync(Admin, all: true)).Where(e => e.Status == WaitlistStatus.Offered).ToList();
            var races = confirmed.Select(r => (Task)resource.CancelAsync(r.Id, Admin, null))
                .Concat(Enumerable.Range(0, 4).Select(_ => (Task)resource.BookAsync(Booking(9, 10))))
                .Concat(offered.Select(e => (Task)(round % 2 == 0 ? waitlist.AcceptAsync(e.Id, Admin) : waitlist.DeclineAsync(e.Id, Admin))));
            await Task.WhenAll(races);
            await Task.Delay(300);
            Assert.True(await BlockingAsync(Grains, id, window) <= capacity, "over capacity");
        }

        var final = (await waitlist.ListAsync(Admin, all: true)).OrderBy(e => e.Sequence).ToList();
        var served = final.Where(e => e.Status != WaitlistStatus.Waiting).Select(e => e.Sequence).ToList();
        var stillWaiting = final.Where(e => e.Status == WaitlistStatus.Waiting).Select(e => e.Sequence).ToList();
        Assert.NotEmpty(served);
        Assert.True(stillWaiting.Count == 0 || served.Max() < stillWaiting.Min(), "an entry was served before an earlier one");
        Assert.True(final.Count(e => e.Status == WaitlistStatus.Offered) <= capacity);
        var reservations = await resource.GetReservationsAsync();
        Assert.True(reservations.Count(r => r.Status == ReservationStatus.Confirmed) <= capacity);
        Assert.Equal(reservations.Count, reservations.Select(r => r.Id).Distinct().Count());
    }
}
