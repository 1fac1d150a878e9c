using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.GrainTests.Fixtures;
using static ResourceReserver.GrainTests.Fixtures.Arrange;
using static ResourceReserver.GrainTests.Waitlist.WaitlistArrange;

namespace ResourceReserver.GrainTests.Waitlist;

/// <summary>Refusals change nothing.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WaitlistBadInputTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Bad_windows_and_unknown_resources_are_refused_and_nothing_is_stored()
    {
        var resource = await ResourceAsync(Grains);
        var id = (await resource.GetAsync())!.Id;
        var waitlist = Grains.GetGrain<IWaitlistGrain>(id);
        var user = Guid.NewGuid();
        var past = DateTimeOffset.UtcNow.AddHours(-2);

        Assert.Equal("window_in_past", (await waitlist.JoinAsync(Guid.NewGuid(), user, new TimeRange(past, past.AddHours(1)), null)).Error?.Code);
        Assert.Equal("invalid_interval", (await waitlist.JoinAsync(Guid.NewGuid(), user, new TimeRange(Tomorrow(10), Tomorrow(9)), null)).Error?.Code);
        Assert.Equal("flexible_range_too_short", (await waitlist.JoinAsync(
            Guid.NewGuid(), user, new TimeRange(Tomorrow(9), Tomorrow(11)), new FlexibleRange(Tomorrow(9), Tomorrow(10)))).Error?.Code);
        var unknown = await Grains.GetGrain<IWaitlistGrain>(Guid.NewGuid()).JoinAsync(Guid.NewGuid(), user, new TimeRange(Tomorrow(9), Tomorrow(10)), null);
        Assert.Equal(ErrorKind.NotFound, unknown.Error?.Kind);
        Assert.Empty(await waitlist.ListAsync(Admin, all: true));
    }

    [Fact]
    public async Task Someone_elses_offer_cannot_be_accepted_and_nothing_changes()
    {
        var resource = await ResourceAsync(Grains);
        var id = (await resource.GetAsync())!.Id;
        var booked = await BookOkAsync(resource, Booking(9, 10));
        var waiter = Guid.NewGuid();
        var entry = await JoinOkAsync(Grains, id, waiter, 9, 10);
        await resource.CancelAsync(booked.Id, Admin, null);
        await EventuallyAsync(Grains, id, entry, WaitlistStatus.Offered);

        var stranger = new Actor(Guid.NewGuid(), false);
        Assert.Equal(ErrorKind.Forbidden, (await Grains.GetGrain<IWaitlistGrain>(id).AcceptAsync(entry.Id, stranger)).Error?.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await Grains.GetGrain<IWaitlistGrain>(id).GetAsync(entry.Id, stranger)).Error?.Kind);
        Assert.Equal(WaitlistStatus.Offered, (await EntryAsync(Grains, id, entry)).Status);
        Assert.Null(await resource.GetReservationAsync(entry.Id));
    }
}
