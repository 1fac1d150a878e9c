using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ResourceReserver.ApiTests.Fixtures;
using ResourceReserver.Contracts;

namespace ResourceReserver.ApiTests.Concurrency;

/// <summary>
/// The promise no other booking system keeps: under any concurrency, never more confirmed bookings than capacity,
/// and every acknowledged booking is really stored. Assertions read stored data, not the answers alone.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ConcurrentBookingTests(ApiFixture api)
{
    [Fact]
    public async Task Sixty_four_simultaneous_requests_for_one_slot_give_exactly_one_201_and_63_409()
    {
        var resourceId = await api.NewResourceAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => api.NewUserAsync()));
        var body = new { resourceId, start = ApiFixture.FutureHour(3, 10), end = ApiFixture.FutureHour(3, 11) };
        using var gate = new SemaphoreSlim(0);

        var requests = Enumerable.Range(0, 64).Select(async i =>
        {
            await gate.WaitAsync();
            return await clients[i % clients.Length].Client.PostAsJsonAsync("/api/v1/reservations", body);
        }).ToList();
        gate.Release(64);
        var responses = await Task.WhenAll(requests);

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(63, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var stored = await StoredReservations.FromGrainStorageAsync(api.Factory.Services, [resourceId]);
        Assert.Single(stored, r => r.Status == ReservationStatus.Confirmed);
    }

    [Theory]
    [InlineData(1, 2000)]
    [InlineData(3, 1000)]
    public async Task Thirty_two_clients_booking_random_overlapping_intervals_never_exceed_capacity_and_lose_nothing(int capacity, int bookings)
    {
        var resources = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            resources.Add(await api.NewResourceAsync(capacity));
        }

        var users = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => api.NewUserAsync()));
        var acknowledged = new ConcurrentBag<(Guid Id, Guid ResourceId)>();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var day = ApiFixture.FutureHour(5, 0);
        var perClient = bookings / users.Length;

        await Task.WhenAll(users.Select(async (user, index) =>
        {
            var random = new Random(1000 + index);
            for (var n = 0; n < perClient + (index < bookings % users.Length ? 1 : 0); n++)
            {
                // Short random intervals packed into a few hours, so most requests overlap something.
                var resourceId = resources[random.Next(resources.Count)];
                var start = day.AddMinutes(15 * random.Next(0, 24));
                var end = start.AddMinutes(15 * random.Next(1, 5));
                var response = await user.Client.PostAsJsonAsync("/api/v1/reservations", new { resourceId, start, end });
                statuses.AddOrUpdate(response.StatusCode, 1, (_, c) => c + 1);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                    acknowledged.Add((id, resourceId));
                }
            }
        }));

        Assert.Equal(bookings, statuses.Values.Sum());
        Assert.True(statuses.Keys.All(s => s is HttpStatusCode.Created or HttpStatusCode.Conflict), string.Join(", ", statuses));

        var stored = await StoredReservations.FromGrainStorageAsync(api.Factory.Services, resources);
        var confirmed = stored.Where(r => r.Status == ReservationStatus.Confirmed).ToList();
        Assert.Equal(acknowledged.Select(a => a.Id).Order(), confirmed.Select(r => r.Id).Order());
        foreach (var group in confirmed.GroupBy(r => r.ResourceId))
        {
            Assert.True(StoredReservations.PeakLoad(group.Select(r => (r.Start.UtcTicks, r.End.UtcTicks, r.Quantity))) <= capacity);
        }

        var projected = (await StoredReservations.FromReadStoreAsync(api.Factory.DatabasePath)).Where(r => resources.Contains(r.ResourceId)).ToList();
        Assert.Equal(acknowledged.Select(a => a.Id).Order(), projected.Select(r => r.Id).Order());
        foreach (var group in projected.GroupBy(r => r.ResourceId))
        {
            Assert.True(StoredReservations.PeakLoad(group.Select(r => (r.Start, r.End, r.Quantity))) <= capacity);
        }
    }
}
