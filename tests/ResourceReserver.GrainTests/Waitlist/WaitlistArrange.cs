using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using static ResourceReserver.GrainTests.Fixtures.Arrange;

namespace ResourceReserver.GrainTests.Waitlist;

/// <summary>Helpers for waitlist and hold tests.</summary>
internal static class WaitlistArrange
{
    public static async Task<WaitlistEntry> JoinOkAsync(IGrainFactory grains, Guid resourceId, Guid user, double fromHour, double toHour, FlexibleRange? flexible = null)
    {
        var outcome = await grains.GetGrain<IWaitlistGrain>(resourceId).JoinAsync(Guid.NewGuid(), user, new TimeRange(Tomorrow(fromHour), Tomorrow(toHour)), flexible);
        Assert.True(outcome.IsSuccess, outcome.Error?.Code);
        return outcome.Value!;
    }

    public static async Task<WaitlistEntry> EntryAsync(IGrainFactory grains, Guid resourceId, WaitlistEntry entry) =>
        (await grains.GetGrain<IWaitlistGrain>(resourceId).GetAsync(entry.Id, Admin)).Value!;

    /// <summary>Polls until the entry reaches <paramref name="status"/>, failing after <paramref name="seconds"/>.</summary>
    public static async Task<WaitlistEntry> EventuallyAsync(IGrainFactory grains, Guid resourceId, WaitlistEntry entry, WaitlistStatus status, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var current = await EntryAsync(grains, resourceId, entry);
            if (current.Status == status)
            {
                return current;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Entry {entry.Id} is {current.Status}, expected {status}");
            await Task.Delay(100);
        }
    }

    public static async Task SetTimingAsync(IGrainFactory grains, Guid resourceId, TimeSpan? hold = null, TimeSpan? offer = null)
    {
        var set = await grains.GetGrain<IResourceHoldsGrain>(resourceId).SetHoldTimingAsync(
            new HoldTiming { HoldDuration = hold ?? TimeSpan.FromMinutes(5), OfferWindow = offer ?? TimeSpan.FromMinutes(30) }, Admin);
        Assert.True(set.IsSuccess, set.Error?.Code);
    }

    /// <summary>Confirmed reservations plus standing offers overlapping the window (tests use one window, no plain holds).</summary>
    public static async Task<int> BlockingAsync(IGrainFactory grains, Guid resourceId, TimeRange window)
    {
        var reservations = await grains.GetGrain<IResourceGrain>(resourceId).GetReservationsAsync();
        var confirmed = reservations.Count(r => r.Status == ReservationStatus.Confirmed && r.Range.Overlaps(window));
        var entries = await grains.GetGrain<IWaitlistGrain>(resourceId).ListAsync(Admin, all: true);
        return confirmed + entries.Count(e => e.Status == WaitlistStatus.Offered);
    }
}
