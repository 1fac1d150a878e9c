using ResourceReserver.Contracts;
using ResourceReserver.GrainTests.Fixtures;
using static ResourceReserver.GrainTests.Fixtures.Arrange;

namespace ResourceReserver.GrainTests.Resources;

/// <summary>Concurrent bookings share writes but are still decided one after another: never over capacity.</summary>
[Collection(ClusterCollection.Name)]
public sealed class GroupCommitTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData(1, 64)]
    [InlineData(3, 128)]
    public async Task Concurrent_callers_never_overbook_and_every_acknowledged_booking_is_stored(int capacity, int callers)
    {
        var grain = await ResourceAsync(fixture.Grains, capacity);
        var random = new Random(capacity * 1000 + callers);
        var requests = Enumerable.Range(0, callers).Select(_ =>
        {
            var start = random.Next(0, 24) / 2.0;
            return Booking(start, start + (random.Next(1, 7) / 2.0), quantity: random.Next(1, capacity + 1));
        }).ToList();

        var outcomes = await Task.WhenAll(requests.Select(grain.BookAsync));

        var acknowledged = outcomes.Where(o => o.IsSuccess).Select(o => o.Value!).ToList();
        Assert.NotEmpty(acknowledged);
        Assert.Contains(outcomes, o => o.Error?.Code == "booking_conflict");
        await fixture.Cluster.DeactivateAsync(grain);
        var stored = (await grain.GetReservationsAsync()).Where(r => r.Status == ReservationStatus.Confirmed).ToList();
        Assert.Equal(acknowledged.Select(r => r.Id).Order(), stored.Select(r => r.Id).Order());
        Assert.True(PeakLoad(stored) <= capacity, $"peak {PeakLoad(stored)} over capacity {capacity}");
    }

    /// <summary>Brute force: the summed quantity at every start instant.</summary>
    private static int PeakLoad(IReadOnlyList<Reservation> reservations) =>
        reservations.Max(probe => reservations.Where(o => o.Start <= probe.Start && probe.Start < o.End).Sum(o => o.Quantity));
}
