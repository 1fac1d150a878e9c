using ResourceReserver.Contracts;
using ResourceReserver.GrainTests.Fixtures;
using static ResourceReserver.GrainTests.Fixtures.Arrange;

namespace ResourceReserver.GrainTests.Resources;

/// <summary>
/// Commits that fail: nothing acknowledged is lost, nothing unacknowledged is kept in memory, every caller of a
/// failed batch hears a clean 503, and a crash between commit and answer duplicates nothing.
/// </summary>
[Collection(FaultyStorageCollection.Name)]
public sealed class CommitFaultTests(FaultyStorageFixture fixture)
{
    [Fact]
    public async Task A_booking_is_one_commit_holding_its_row_and_its_event()
    {
        var grain = await ResourceAsync(fixture.Grains);
        var id = (await grain.GetAsync())!.Id;
        var before = fixture.Faults.Commits.Count;

        var booked = await BookOkAsync(grain, Booking(1, 2));

        var commit = Assert.Single(fixture.Faults.Commits.Skip(before), c => c.ResourceId == id);
        Assert.Equal(booked.Id, Assert.Single(commit.Rows).Reservation.Id);
        Assert.Equal(booked.Id, Assert.Single(commit.Events).Reservation?.Id);
        Assert.Equal(ReservationStatus.Confirmed, (await fixture.ReadStore.GetReservationAsync(booked.Id))?.Status);
    }

    [Fact]
    public async Task A_failed_fence_is_decided_again_on_fresh_state()
    {
        var grain = await ResourceAsync(fixture.Grains);
        var id = (await grain.GetAsync())!.Id;
        fixture.Faults.Inject(c => c.ResourceId == id, CommitFault.FenceFails);

        var booked = await BookOkAsync(grain, Booking(3, 4));

        Assert.False(fixture.Faults.Armed);
        await fixture.Cluster.DeactivateAsync(grain);
        Assert.NotNull(await grain.GetReservationAsync(booked.Id));
    }

    [Fact]
    public async Task A_failed_batch_answers_each_of_its_callers_503_and_stores_exactly_what_was_acknowledged()
    {
        var grain = await ResourceAsync(fixture.Grains);
        var id = (await grain.GetAsync())!.Id;
        await BookOkAsync(grain, Booking(0, 1));

        // The next commit fails while 64 callers keep the queue full. Not a later one: group commit may fit all 64
        // into one or two batches on a fast run, and a fault that never fires proves nothing.
        fixture.Faults.Inject(c => c.ResourceId == id, CommitFault.FailBeforeCommit);
        var requests = Enumerable.Range(1, 64).Select(i => Booking(i, i + 1)).ToList();
        var answers = await Task.WhenAll(requests.Select(async r => (r.ReservationId, Outcome: await grain.BookAsync(r))));

        Assert.False(fixture.Faults.Armed);
        var refused = answers.Where(a => !a.Outcome.IsSuccess).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, a => Assert.Equal(("storage_unavailable", ErrorKind.Unavailable), (a.Outcome.Error!.Code, a.Outcome.Error.Kind)));
        await fixture.Cluster.DeactivateAsync(grain);
        var stored = (await grain.GetReservationsAsync()).Select(r => r.Id).ToHashSet();
        foreach (var (reservationId, outcome) in answers)
        {
            Assert.Equal(outcome.IsSuccess, stored.Contains(reservationId));
        }
    }

    [Fact]
    public async Task A_crash_between_commit_and_answer_loses_nothing_and_a_keyed_retry_gets_the_first_answer()
    {
        var grain = await ResourceAsync(fixture.Grains);
        var id = (await grain.GetAsync())!.Id;
        var user = Guid.NewGuid();
        var request = Booking(5, 6, user, key: "crash-" + Guid.NewGuid());
        fixture.Faults.Inject(c => c.ResourceId == id, CommitFault.FailAfterCommit);

        var lost = await grain.BookAsync(request);

        Assert.Equal("storage_unavailable", lost.Error?.Code);
        var retried = await BookOkAsync(grain, request with { ReservationId = Guid.NewGuid() });
        Assert.Equal(request.ReservationId, retried.Id);
        await fixture.Cluster.DeactivateAsync(grain);
        var again = await BookOkAsync(grain, request with { ReservationId = Guid.NewGuid() });
        Assert.Equal(request.ReservationId, again.Id);
        Assert.Single(await grain.GetReservationsAsync(), r => r.UserId == user);
        Assert.Single(await fixture.ReadStore.GetHistoryAsync(request.ReservationId));
    }
}
