using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;
using ResourceReserver.Contracts;
using ResourceReserver.GrainTests.Fixtures;
using ResourceReserver.Resources;

namespace ResourceReserver.GrainTests.Segments;

/// <summary>
/// Drives resource ledgers directly on the silo's real storage, outside any activation, so a test can hold two
/// views of one resource at once, as a stale duplicate activation would, and write them the way a flush does.
/// </summary>
internal sealed class LedgerHarness(FaultyStorageFixture fixture)
{
    private static readonly DateTimeOffset Epoch = DateTimeOffset.UtcNow.Date.AddDays(2);

    public GrainId GrainId { get; } = GrainId.Create("resource", Guid.NewGuid().ToString("N"));

    private IGrainStorage Storage => fixture.Cluster.Silos[0].ServiceProvider
        .GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);

    public Task<ResourceLedger> LoadAsync() => ResourceLedgerLoader.LoadAsync(Storage, GrainId);

    /// <summary>Writes the fence, then (unless the flush "crashes" after the fence) the index and tidied rows.</summary>
    public async Task FlushAsync(ResourceLedger ledger, bool crashAfterFence = false)
    {
        var plan = ledger.TakeDirty();
        if (plan.Fence is { } fence)
        {
            await fence.WriteAsync(Storage, GrainId);
        }

        if (!crashAfterFence)
        {
            foreach (var follower in plan.Followers)
            {
                await follower.WriteAsync(Storage, GrainId);
            }
        }
    }

    public static ResourceSnapshot Resource(int capacity) => new()
    {
        Id = Guid.NewGuid(),
        Details = new ResourceDetails { Name = $"Ledger {Guid.NewGuid():N}", Capacity = capacity },
        CreatedAt = Epoch,
        UpdatedAt = Epoch,
        Version = capacity,
    };

    public static Reservation Reservation(int hour, Guid? id = null, string? title = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        UserId = Guid.NewGuid(),
        Start = Epoch.AddHours(hour),
        End = Epoch.AddHours(hour + 1),
        Quantity = 1,
        Status = ReservationStatus.Confirmed,
        Title = title,
        CreatedAt = Epoch,
        UpdatedAt = Epoch,
        Version = 1,
    };

    public static Hold Hold(int hour, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        UserId = Guid.NewGuid(),
        Start = Epoch.AddHours(hour),
        End = Epoch.AddHours(hour + 1),
        ExpiresAt = Epoch,
        CreatedAt = Epoch,
    };
}
