using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Waitlist;

/// <summary>Holds and waitlist over HTTP: the happy path and every refusal as a 4xx problem with a code.</summary>
[Collection(ApiCollection.Name)]
public sealed class WaitlistEndpointTests(ApiFixture api)
{
    [Fact]
    public async Task Hold_confirm_and_release()
    {
        var resourceId = await api.NewResourceAsync();
        var (user, _) = await api.NewUserAsync();
        var (other, _) = await api.NewUserAsync();
        var start = ApiFixture.FutureHour();

        var created = await user.PostAsJsonAsync("/api/v1/holds", new { resourceId, start, end = start.AddHours(1) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var holdId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        await (await other.BookAsync(resourceId, start, start.AddHours(1))).AssertProblemAsync(HttpStatusCode.Conflict, "booking_conflict");
        await (await other.PostAsync($"/api/v1/holds/{holdId}/confirm", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var confirmed = await user.PostAsync($"/api/v1/holds/{holdId}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("confirmed", (await confirmed.JsonAsync()).GetProperty("status").GetString());

        var second = await (await user.PostAsJsonAsync("/api/v1/holds", new { resourceId, start = start.AddHours(2), end = start.AddHours(3) })).JsonAsync();
        var release = await user.DeleteAsync($"/api/v1/holds/{second.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, release.StatusCode);
        await other.BookOkAsync(resourceId, start.AddHours(2), start.AddHours(3));
    }

    [Fact]
    public async Task Join_offer_accept_and_the_refusals_around_it()
    {
        var resourceId = await api.NewResourceAsync();
        var (owner, _) = await api.NewUserAsync();
        var (waiter, _) = await api.NewUserAsync();
        var (stranger, _) = await api.NewUserAsync();
        var start = ApiFixture.FutureHour();
        var reservationId = await owner.BookOkAsync(resourceId, start, start.AddHours(1));

        var joined = await waiter.PostAsJsonAsync("/api/v1/waitlist", new { resourceId, start, end = start.AddHours(1) });
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var entry = await joined.JsonAsync();
        var entryId = entry.GetProperty("id").GetGuid();
        Assert.Equal("waiting", entry.GetProperty("status").GetString());
        Assert.Equal(1, entry.GetProperty("position").GetInt32());
        await (await waiter.PostAsync($"/api/v1/waitlist/{entryId}/accept", null)).AssertProblemAsync(HttpStatusCode.Conflict, "no_offer");

        await owner.PostAsJsonAsync($"/api/v1/reservations/{reservationId}/cancel", new { });
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await waiter.GetOkAsync($"/api/v1/waitlist/{entryId}")).GetProperty("status").GetString() != "offered")
        {
            Assert.True(DateTime.UtcNow < deadline, "no offer");
            await Task.Delay(100);
        }

        await (await stranger.GetAsync($"/api/v1/waitlist/{entryId}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await stranger.PostAsync($"/api/v1/waitlist/{entryId}/accept", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var accepted = await waiter.PostAsync($"/api/v1/waitlist/{entryId}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(entryId, (await accepted.JsonAsync()).GetProperty("reservationId").GetGuid());
        await (await waiter.PostAsync($"/api/v1/waitlist/{entryId}/accept", null)).AssertProblemAsync(HttpStatusCode.Conflict, "already_accepted");
        Assert.Single(await waiter.ItemsAsync("/api/v1/reservations"));
        Assert.Single(await waiter.ItemsAsync("/api/v1/waitlist"));
        Assert.Single(await api.Admin.ItemsAsync($"/api/v1/waitlist/resources/{resourceId}"));
        await (await waiter.GetAsync($"/api/v1/waitlist/resources/{resourceId}")).AssertProblemAsync(HttpStatusCode.Forbidden, null);
    }

    [Fact]
    public async Task Bad_waitlist_input_is_a_4xx_problem_and_stores_nothing()
    {
        var resourceId = await api.NewResourceAsync();
        var (user, _) = await api.NewUserAsync();
        var start = ApiFixture.FutureHour();
        var past = DateTimeOffset.UtcNow.AddHours(-3);

        await (await user.PostAsJsonAsync("/api/v1/waitlist", new { resourceId, start = past, end = past.AddHours(1) }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "window_in_past");
        await (await user.PostAsJsonAsync("/api/v1/waitlist", new { resourceId, start, end = start.AddHours(-1) }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_interval");
        await (await user.PostAsJsonAsync("/api/v1/waitlist", new { resourceId = Guid.NewGuid(), start, end = start.AddHours(1) }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        await (await user.PostAsJsonAsync("/api/v1/waitlist", new { resourceId = "nope", start, end = start.AddHours(1) }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        await (await user.PostAsync($"/api/v1/waitlist/{Guid.NewGuid()}/accept", null)).AssertProblemAsync(HttpStatusCode.NotFound, "waitlist_entry_not_found");
        await (await user.PostAsync("/api/v1/holds/not-a-guid/confirm", null)).AssertProblemAsync(HttpStatusCode.NotFound, "hold_not_found");
        await (await user.PostAsJsonAsync("/api/v1/holds", new { resourceId, start, end = start.AddHours(-1) }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_interval");
        Assert.Empty(await user.ItemsAsync("/api/v1/waitlist"));
        Assert.Empty(await user.ItemsAsync("/api/v1/reservations"));
    }
}
