using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.GrainTests.Fixtures;
using static ResourceReserver.GrainTests.Fixtures.Arrange;

namespace ResourceReserver.GrainTests.Resources;

[Collection(ClusterCollection.Name)]
public sealed class ResourceLifecycleTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Create_then_get_returns_the_normalised_resource()
    {
        var id = Guid.NewGuid();
        var grain = _grains.GetGrain<IResourceGrain>(id);
        Assert.Null(await grain.GetAsync());

        var created = await grain.CreateAsync(new ResourceDetails { Name = "  Lab 7 ", Tags = ["GPU", "gpu"], Capacity = 2 }, Admin);

        Assert.True(created.IsSuccess);
        var fetched = await grain.GetAsync();
        Assert.NotNull(fetched);
        Assert.Equal(id, fetched.Id);
        Assert.Equal("Lab 7", fetched.Details.Name);
        Assert.Equal(["gpu"], fetched.Details.Tags);
        Assert.Equal(ResourceStatus.Available, fetched.Status);
        Assert.Equal(1, fetched.Version);
    }

    [Fact]
    public async Task Creating_twice_is_a_conflict_and_invalid_details_are_refused()
    {
        var grain = await ResourceAsync(_grains);

        var again = await grain.CreateAsync(new ResourceDetails { Name = "Other" }, Admin);
        var invalid = await _grains.GetGrain<IResourceGrain>(Guid.NewGuid()).CreateAsync(new ResourceDetails { Name = "", Capacity = 0 }, Admin);

        Assert.Equal("resource_exists", again.Error?.Code);
        Assert.Equal("validation_failed", invalid.Error?.Code);
        Assert.Contains("capacity", invalid.Error!.Errors!.Keys);
    }

    [Fact]
    public async Task Update_applies_the_patch_and_bumps_the_version()
    {
        var grain = await ResourceAsync(_grains, capacity: 2);

        var updated = await grain.UpdateAsync(new ResourcePatch { Description = "Big room", Capacity = 5 }, Admin);

        Assert.True(updated.IsSuccess);
        Assert.Equal(5, updated.Value!.Details.Capacity);
        Assert.Equal("Big room", (await grain.GetAsync())!.Details.Description);
        Assert.Equal(2, updated.Value.Version);
        Assert.Equal("validation_failed", (await grain.UpdateAsync(new ResourcePatch { TimeZone = "Nowhere/Else" }, Admin)).Error?.Code);
    }

    [Fact]
    public async Task Capacity_cannot_drop_below_what_is_booked_at_once_but_may_drop_to_it()
    {
        var grain = await ResourceAsync(_grains, capacity: 3);
        await BookOkAsync(grain, Booking(9, 11));
        await BookOkAsync(grain, Booking(10, 12));

        var tooLow = await grain.UpdateAsync(new ResourcePatch { Capacity = 1 }, Admin);
        var enough = await grain.UpdateAsync(new ResourcePatch { Capacity = 2 }, Admin);

        Assert.Equal("capacity_below_bookings", tooLow.Error?.Code);
        Assert.Equal(ErrorKind.Conflict, tooLow.Error?.Kind);
        Assert.True(enough.IsSuccess, enough.Error?.Code);
        Assert.Equal(2, (await grain.GetAsync())!.Details.Capacity);
    }

    [Fact]
    public async Task Delete_hides_the_resource_and_cancels_its_future_reservations()
    {
        var grain = await ResourceAsync(_grains, capacity: 2);
        var first = await BookOkAsync(grain, Booking(9, 10));
        var second = await BookOkAsync(grain, Booking(30, 31));

        var deleted = await grain.DeleteAsync(Admin);

        Assert.True(deleted.IsSuccess);
        Assert.True(deleted.Value!.Deleted);
        Assert.Null(await grain.GetAsync());
        foreach (var id in new[] { first.Id, second.Id })
        {
            var reservation = await grain.GetReservationAsync(id);
            Assert.Equal(ReservationStatus.Cancelled, reservation?.Status);
            Assert.Equal(Admin.UserId, reservation?.CancelledBy);
        }

        Assert.Equal("resource_not_found", (await grain.BookAsync(Booking(50, 51))).Error?.Code);
        Assert.Equal("resource_not_found", (await grain.DeleteAsync(Admin)).Error?.Code);
        Assert.Equal("resource_not_found", (await grain.UpdateAsync(new ResourcePatch { Capacity = 4 }, Admin)).Error?.Code);
    }

    [Theory]
    [InlineData(ResourceStatus.Disabled)]
    [InlineData(ResourceStatus.Maintenance)]
    public async Task Disabled_or_maintained_resources_refuse_bookings_until_made_available(ResourceStatus status)
    {
        var grain = await ResourceAsync(_grains);

        var changed = await grain.SetStatusAsync(status, null, Admin);
        var refused = await grain.BookAsync(Booking(9, 10));
        await grain.SetStatusAsync(ResourceStatus.Available, null, Admin);
        var accepted = await grain.BookAsync(Booking(9, 10));

        Assert.Equal(status, changed.Value!.Status);
        Assert.Equal("resource_unavailable", refused.Error?.Code);
        Assert.True(accepted.IsSuccess, accepted.Error?.Code);
    }

    [Fact]
    public async Task Maintenance_with_auto_reset_records_when_it_ends_and_bad_resets_are_refused()
    {
        var grain = await ResourceAsync(_grains);

        var maintenance = await grain.SetStatusAsync(ResourceStatus.Maintenance, TimeSpan.FromHours(2), Admin);
        var onDisabled = await grain.SetStatusAsync(ResourceStatus.Disabled, TimeSpan.FromHours(2), Admin);
        var tooShort = await grain.SetStatusAsync(ResourceStatus.Maintenance, TimeSpan.FromSeconds(5), Admin);

        Assert.True(maintenance.IsSuccess, maintenance.Error?.Code);
        Assert.InRange(maintenance.Value!.StatusResetsAt!.Value, DateTimeOffset.UtcNow.AddHours(1.9), DateTimeOffset.UtcNow.AddHours(2.1));
        Assert.Equal("invalid_auto_reset", onDisabled.Error?.Code);
        Assert.Equal("invalid_auto_reset", tooShort.Error?.Code);
        Assert.Null((await grain.SetStatusAsync(ResourceStatus.Available, null, Admin)).Value!.StatusResetsAt);
    }

    [Fact]
    public async Task State_and_the_interval_index_survive_deactivation()
    {
        var grain = await ResourceAsync(_grains, capacity: 1);
        await grain.UpdateAsync(new ResourcePatch { Location = "Floor 3" }, Admin);
        var booked = await BookOkAsync(grain, Booking(9, 10));

        await fixture.Cluster.DeactivateAsync(grain);

        var after = await grain.GetAsync();
        Assert.Equal("Floor 3", after?.Details.Location);
        Assert.Equal(booked, await grain.GetReservationAsync(booked.Id));
        Assert.Equal("booking_conflict", (await grain.BookAsync(Booking(9.5, 10.5))).Error?.Code);
    }

    [Fact]
    public async Task Unknown_resources_answer_not_found()
    {
        var grain = _grains.GetGrain<IResourceGrain>(Guid.NewGuid());

        Assert.Null(await grain.GetAsync());
        Assert.Equal("resource_not_found", (await grain.BookAsync(Booking(9, 10))).Error?.Code);
        Assert.Equal("resource_not_found", (await grain.GetAvailabilityAsync(Tomorrow(), Tomorrow(24), false)).Error?.Code);
        Assert.Equal("reservation_not_found", (await grain.CancelAsync(Guid.NewGuid(), Admin, null)).Error?.Code);
    }
}
