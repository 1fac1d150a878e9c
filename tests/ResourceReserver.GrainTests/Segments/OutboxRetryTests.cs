using ResourceReserver.GrainTests.Fixtures;
using static ResourceReserver.GrainTests.Fixtures.Arrange;

namespace ResourceReserver.GrainTests.Segments;

/// <summary>An event whose delivery failed reaches the read store later, even when newer deliveries succeed first.</summary>
[Collection(FaultyStorageCollection.Name)]
public sealed class OutboxRetryTests(FaultyStorageFixture fixture)
{
    [Fact]
    public async Task A_failed_delivery_from_a_sealed_segment_is_retried_without_a_reactivation()
    {
        var grain = await ResourceAsync(fixture.Grains);
        for (var i = 0; i < 63; i++)
        {
            await BookOkAsync(grain, Booking(i, i + 1));
        }

        // The 64th booking's write seals segment 0; its delivery fails, so its event waits in the sealed row.
        fixture.Sink.FailNext(1);
        var sealedIn = await BookOkAsync(grain, Booking(63, 64));

        // Later bookings go to segment 1 and are delivered fine; that must not end the retries for segment 0.
        for (var i = 64; i < 70; i++)
        {
            await BookOkAsync(grain, Booking(i, i + 1));
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await fixture.ReadStore.GetReservationAsync(sealedIn.Id) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "the event of the failed delivery never reached the read store");
            await Task.Delay(200);
        }
    }
}
