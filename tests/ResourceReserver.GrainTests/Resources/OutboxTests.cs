using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.GrainTests.Fixtures;
using static ResourceReserver.GrainTests.Fixtures.Arrange;

namespace ResourceReserver.GrainTests.Resources;

/// <summary>Every change reaches the read store through the grain's outbox.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OutboxTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Booking_and_cancelling_are_projected_with_their_history()
    {
        var grain = await ResourceAsync(fixture.Grains);
        var owner = Guid.NewGuid();
        var reservation = await BookOkAsync(grain, Booking(9, 10, owner));

        var projected = await fixture.ReadStore.GetReservationAsync(reservation.Id);
        Assert.Equal(ReservationStatus.Confirmed, projected?.Status);
        Assert.Equal(owner, projected?.UserId);
        Assert.Equal(reservation.Start, projected?.Start);

        await grain.CancelAsync(reservation.Id, new Actor(owner, false), "no longer needed");

        Assert.Equal(ReservationStatus.Cancelled, (await fixture.ReadStore.GetReservationAsync(reservation.Id))?.Status);
        var history = await fixture.ReadStore.GetHistoryAsync(reservation.Id);
        Assert.Equal([EventTypes.ReservationCreated, EventTypes.ReservationCancelled], history.Select(h => h.Type));
        Assert.Equal(["confirmed", "cancelled"], history.Select(h => h.Status));
        Assert.Equal("no longer needed", history[1].Detail);
        Assert.All(history, h => Assert.Equal(owner, h.ActorId));
    }

    [Fact]
    public async Task Resource_changes_are_logged_in_order()
    {
        var grain = await ResourceAsync(fixture.Grains);
        var id = (await grain.GetAsync())!.Id;
        await grain.UpdateAsync(new ResourcePatch { Capacity = 4 }, Admin);
        await grain.SetStatusAsync(ResourceStatus.Disabled, null, Admin);
        await grain.SetStatusAsync(ResourceStatus.Available, null, Admin);
        await grain.DeleteAsync(Admin);

        var history = await fixture.ReadStore.GetHistoryAsync(id);

        Assert.Equal(
            [EventTypes.ResourceCreated, EventTypes.ResourceUpdated, EventTypes.ResourceUnavailable, EventTypes.ResourceAvailable, EventTypes.ResourceDeleted],
            history.Select(h => h.Type));
        Assert.Equal(history.Count, history.Select(h => h.EventId).Distinct().Count());
    }

    [Fact]
    public async Task Deleting_a_resource_projects_the_cancellation_of_its_reservations()
    {
        var grain = await ResourceAsync(fixture.Grains);
        var reservation = await BookOkAsync(grain, Booking(9, 10));

        await grain.DeleteAsync(Admin);

        var history = await fixture.ReadStore.GetHistoryAsync(reservation.Id);
        Assert.Equal(EventTypes.ReservationCancelled, history[^1].Type);
        Assert.Equal(ReservationStatus.Cancelled, (await fixture.ReadStore.GetReservationAsync(reservation.Id))?.Status);
    }

    [Fact]
    public async Task Events_delivered_before_a_deactivation_are_not_delivered_twice()
    {
        var grain = await ResourceAsync(fixture.Grains);
        var reservation = await BookOkAsync(grain, Booking(9, 10));

        await fixture.Cluster.DeactivateAsync(grain);
        await grain.GetAsync();
        await BookOkAsync(grain, Booking(11, 12));

        Assert.Single(await fixture.ReadStore.GetHistoryAsync(reservation.Id));
    }
}
