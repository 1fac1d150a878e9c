using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ResourceReserver.ApiTests.Fixtures;
using ResourceReserver.Contracts;

namespace ResourceReserver.ApiTests.Concurrency;

/// <summary>
/// Recurring series race single bookings and each other on shared resources of capacity 2: a series is one
/// decision and one write, so it is booked whole (or, in skip mode, partly) but never over capacity.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ConcurrentSeriesTests(ApiFixture api)
{
    private const int Capacity = 2;

    [Fact]
    public async Task Series_and_single_bookings_racing_on_shared_resources_never_exceed_capacity_and_every_201_is_stored()
    {
        var resources = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            resources.Add(await api.NewResourceAsync(Capacity));
        }

        var users = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => api.NewUserAsync()));
        var acknowledged = new ConcurrentBag<Guid>();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var firstDay = ApiFixture.FutureHour(7, 0);

        await Task.WhenAll(users.Select(async (user, index) =>
        {
            var random = new Random(4242 + index);
            for (var n = 0; n < 25; n++)
            {
                var resourceId = resources[random.Next(resources.Count)];
                var start = firstDay.AddDays(random.Next(0, 3)).AddMinutes(30 * random.Next(0, 8));
                var end = start.AddMinutes(30 * random.Next(1, 4));
                var response = random.Next(3) == 0
                    ? await user.Client.PostAsJsonAsync("/api/v1/reservations", new { resourceId, start, end })
                    : await user.Client.PostAsJsonAsync("/api/v1/reservations/series", new
                    {
                        resourceId,
                        start,
                        end,
                        rule = $"FREQ=DAILY;COUNT={random.Next(2, 6)}",
                        onConflict = random.Next(2) == 0 ? "reject" : "skip",
                    });
                statuses.AddOrUpdate(response.StatusCode, 1, (_, c) => c + 1);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    foreach (var id in await CreatedIdsAsync(response))
                    {
                        acknowledged.Add(id);
                    }
                }
            }
        }));

        Assert.True(statuses.Keys.All(s => s is HttpStatusCode.Created or HttpStatusCode.Conflict), string.Join(", ", statuses));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.Conflict) > 0, "the test should provoke conflicts");

        var stored = await StoredReservations.FromGrainStorageAsync(api.Factory.Services, resources);
        var confirmed = stored.Where(r => r.Status == ReservationStatus.Confirmed).ToList();
        Assert.Equal(acknowledged.Order(), confirmed.Select(r => r.Id).Order());
        foreach (var group in confirmed.GroupBy(r => r.ResourceId))
        {
            Assert.True(StoredReservations.PeakLoad(group.Select(r => (r.Start.UtcTicks, r.End.UtcTicks, r.Quantity))) <= Capacity);
        }
    }

    private static async Task<IEnumerable<Guid>> CreatedIdsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.TryGetProperty("reservations", out var occurrences)
            ? occurrences.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList()
            : [body.GetProperty("id").GetGuid()];
    }
}
