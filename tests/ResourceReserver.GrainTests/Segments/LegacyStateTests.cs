using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.GrainTests.Fixtures;
using ResourceReserver.Resources;
using static ResourceReserver.GrainTests.Fixtures.Arrange;

namespace ResourceReserver.GrainTests.Segments;

/// <summary>A resource stored as one whole-state row (before segments) is moved into segment 0.</summary>
[Collection(FaultyStorageCollection.Name)]
public sealed class LegacyStateTests(FaultyStorageFixture fixture)
{
    [Fact]
    public async Task A_whole_state_row_is_migrated_on_activation_and_keeps_everything()
    {
        var id = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IResourceGrain>(id);
        var now = DateTimeOffset.UtcNow;
        var reservations = Enumerable.Range(0, 3).Select(i => new Reservation
        {
            Id = Guid.NewGuid(),
            ResourceId = id,
            UserId = Guid.NewGuid(),
            Start = Tomorrow(i),
            End = Tomorrow(i + 1),
            Quantity = 1,
            Status = ReservationStatus.Confirmed,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        }).ToList();
        var legacy = new ResourceState
        {
            Resource = new ResourceSnapshot { Id = id, Details = new ResourceDetails { Name = $"Legacy {id:N}" }, CreatedAt = now, UpdatedAt = now, Version = 1 },
            Reservations = reservations.ToDictionary(r => r.Id),
        };
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        await storage.WriteStateAsync("resource", grain.GetGrainId(), new GrainState<ResourceState>(legacy));
        fixture.Faults.Written.Clear();

        Assert.Equal(legacy.Resource.Details.Name, (await grain.GetAsync())?.Details.Name);
        Assert.Contains("resource-index", fixture.Faults.Written);
        Assert.Contains("resource-seg-0", fixture.Faults.Written);

        // The migrated reservations still block their hours; new bookings land beside them.
        var refused = await grain.BookAsync(Booking(1, 2));
        Assert.Equal("booking_conflict", refused.Error?.Code);
        await BookOkAsync(grain, Booking(5, 6));
        await fixture.Cluster.DeactivateAsync(grain);
        Assert.Equal(4, (await grain.GetReservationsAsync()).Count);
    }
}
