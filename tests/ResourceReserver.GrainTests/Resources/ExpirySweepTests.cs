using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.GrainTests.Fixtures;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.Resources;
using ResourceReserver.Resources;

namespace ResourceReserver.GrainTests.Resources;

/// <summary>Ended reservations are completed by the periodic sweep, with no reminder per resource.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ExpirySweepTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_sweep_completes_what_ended_on_resources_nobody_touches()
    {
        // Booked yesterday (decided as of two days ago), straight into the store: no activation knows of it.
        await using var store = new SqlResourceStore(fixture.DataSource, new EventSignal(), TimeProvider.System);
        var harness = new ResourceHarness(store);
        var past = DateTimeOffset.UtcNow.AddDays(-2);
        var book = await harness.LoadAsync();
        await harness.DoAsync(book, past, (b, now) => ResourceDecisions.Create(b, new ResourceDetails { Name = $"Sweep {harness.Id:N}" }, Arrange.Admin, now));
        var ended = (await harness.DoAsync(book, past, (b, now) => BookingDecisions.Book(b, new BookingRequest
        {
            ReservationId = Guid.NewGuid(),
            UserId = Guid.NewGuid(),
            Start = past.AddDays(1),
            End = past.AddDays(1).AddHours(1),
        }, now))).Rows.Single().Reservation.Id;
        Assert.Contains(harness.Id, await store.EndedAsync(DateTimeOffset.UtcNow, 10_000));

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var sweeper = new ResourceExpirySweeper(store, fixture.Grains, clock, NullLogger<ResourceExpirySweeper>.Instance);
        await sweeper.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await fixture.ReadStore.GetReservationAsync(ended))?.Status != ReservationStatus.Completed)
        {
            Assert.True(DateTime.UtcNow < deadline, "the sweep never completed the ended reservation");
            clock.Advance(ResourceExpirySweeper.Period);
            await Task.Delay(100);
        }

        await sweeper.StopAsync(CancellationToken.None);
        Assert.DoesNotContain(harness.Id, await store.EndedAsync(DateTimeOffset.UtcNow, 10_000));
        Assert.Null(await fixture.Grains.GetGrain<IResourceGrain>(harness.Id).GetReservationAsync(ended));
    }
}
