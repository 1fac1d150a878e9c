using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Concurrency;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Abuse;

/// <summary>Daily booking quotas: the own view, an administrator's override, refusals that change nothing, no race past the limit.</summary>
[Collection(ApiCollection.Name)]
public sealed class QuotaTests(ApiFixture api)
{
    [Fact]
    public async Task An_override_limits_bookings_per_day_and_a_booking_over_it_is_429_quota_exceeded_changing_nothing()
    {
        var (user, userId) = await api.NewUserAsync("quota");
        var unlimited = await (await user.GetAsync("/api/v1/users/me/quota")).JsonAsync();
        Assert.Equal("user", unlimited.GetProperty("tier").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unlimited.GetProperty("dailyBookings").ValueKind);
        Assert.Equal(0, unlimited.GetProperty("usedToday").GetInt32());
        var midnight = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1), TimeSpan.Zero);
        Assert.Equal(midnight, unlimited.GetProperty("resetsAt").GetDateTimeOffset());

        var set = await api.Admin.PutAsJsonAsync($"/api/v1/users/{userId}/quota", new { dailyBookings = 2 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(2, (await set.JsonAsync()).GetProperty("dailyBookings").GetInt32());

        var resourceId = await api.NewResourceAsync();
        var start = ApiFixture.FutureHour(4, 8);
        Assert.Equal(HttpStatusCode.Created, (await Book(user, resourceId, start)).StatusCode);

        // A refused booking hands its unit back.
        Assert.Equal(HttpStatusCode.Conflict, (await Book(user, resourceId, start)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Book(user, resourceId, start.AddHours(1))).StatusCode);

        var over = await Book(user, resourceId, start.AddHours(2));
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        var problem = await over.JsonAsync();
        Assert.Equal("quota_exceeded", problem.GetProperty("code").GetString());
        Assert.InRange(over.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 86_400);
        var mine = await user.ItemsAsync($"/api/v1/reservations?resourceId={resourceId}");
        Assert.Equal(2, mine.Count);

        var used = await (await user.GetAsync("/api/v1/users/me/quota")).JsonAsync();
        Assert.Equal((2, 2), (used.GetProperty("dailyBookings").GetInt32(), used.GetProperty("usedToday").GetInt32()));

        Assert.Equal(HttpStatusCode.OK, (await api.Admin.PutAsJsonAsync($"/api/v1/users/{userId}/quota", new { dailyBookings = (int?)null })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Book(user, resourceId, start.AddHours(2))).StatusCode);
    }

    [Fact]
    public async Task An_override_is_checked_like_any_input()
    {
        var (_, userId) = await api.NewUserAsync("quota");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.Admin.PutAsJsonAsync($"/api/v1/users/{userId}/quota", new { dailyBookings = -1 })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.Admin.PutAsJsonAsync($"/api/v1/users/{userId}/quota", new { dailyBookings = 3, daily = 4 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Admin.PutAsJsonAsync($"/api/v1/users/{Guid.NewGuid()}/quota", new { dailyBookings = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Admin.PutAsJsonAsync("/api/v1/users/not-an-id/quota", new { dailyBookings = 3 })).StatusCode);
    }

    [Fact]
    public async Task Sixty_four_concurrent_bookings_on_many_resources_never_exceed_a_quota_of_three()
    {
        var (user, userId) = await api.NewUserAsync("race");
        (await api.Admin.PutAsJsonAsync($"/api/v1/users/{userId}/quota", new { dailyBookings = 3 })).EnsureSuccessStatusCode();
        var resources = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            resources.Add(await api.NewResourceAsync());
        }

        var start = ApiFixture.FutureHour(5, 6);
        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Book(user, resources[i % 8], start.AddHours(i / 8))));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(61, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        var stored = await StoredReservations.FromGrainStorageAsync(api.Factory.Services, resources);
        Assert.Equal(3, stored.Count(r => r.UserId == userId));
        var projected = await StoredReservations.FromReadStoreAsync(api.Factory.DatabasePath);
        Assert.Equal(3, projected.Count(r => resources.Contains(r.ResourceId)));
    }

    private static Task<HttpResponseMessage> Book(HttpClient user, Guid resourceId, DateTimeOffset start) =>
        user.PostAsJsonAsync("/api/v1/reservations", new { resourceId, start, end = start.AddHours(1) });
}
