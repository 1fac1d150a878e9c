using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ResourceReserver.ApiTests.Fixtures;
using ResourceReserver.Events;
using ResourceReserver.Host.Live;

namespace ResourceReserver.ApiTests.Live;

/// <summary>The silo's in-process fan-out: what web UI circuits subscribe to.</summary>
[Collection(ApiCollection.Name)]
public sealed class LiveEventBusTests(ApiFixture api)
{
    [Fact]
    public async Task A_booking_reaches_bus_subscribers_with_its_event_and_the_owners_notification()
    {
        var bus = api.Factory.Services.GetRequiredService<LiveEventBus>();
        var resourceId = await api.NewResourceAsync();
        var (user, userId) = await api.NewUserAsync("bus");
        var created = new TaskCompletionSource<DomainEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var notified = new TaskCompletionSource<LiveNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = bus.Subscribe(
            events =>
            {
                foreach (var e in events.Where(e => e.Type == EventTypes.ReservationCreated && e.Reservation?.ResourceId == resourceId))
                {
                    created.TrySetResult(e);
                }

                return Task.CompletedTask;
            },
            notification =>
            {
                if (notification.UserId == userId)
                {
                    notified.TrySetResult(notification);
                }

                return Task.CompletedTask;
            });

        var start = ApiFixture.FutureHour(3);
        var response = await user.PostAsJsonAsync("/api/v1/reservations", new { resourceId, start, end = start.AddHours(1) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var e = await created.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(userId, e.Reservation!.UserId);
        Assert.Equal("reservation_confirmed", (await notified.Task.WaitAsync(TimeSpan.FromSeconds(10))).Kind);
    }

    [Fact]
    public async Task A_throwing_subscriber_does_not_keep_others_from_hearing()
    {
        var bus = api.Factory.Services.GetRequiredService<LiveEventBus>();
        var heard = 0;
        using var broken = bus.Subscribe(_ => throw new InvalidOperationException("broken page"));
        using var fine = bus.Subscribe(_ =>
        {
            Interlocked.Increment(ref heard);
            return Task.CompletedTask;
        });
        await bus.PublishEventsAsync([new DomainEvent { Type = EventTypes.ResourceUpdated }]);
        Assert.Equal(1, heard);
    }
}
