using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class SchedulingEndpointTests(ApiFixture api)
{
    [Fact]
    public async Task Series_slots_next_available_patch_and_cancel_series_work_end_to_end()
    {
        var resourceId = await api.NewResourceAsync();
        var (user, _) = await api.NewUserAsync();
        var start = ApiFixture.FutureHour();

        var series = await user.PostAsJsonAsync("/api/v1/reservations/series", new { resourceId, start, end = start.AddHours(1), rule = "FREQ=DAILY;COUNT=3" });
        Assert.Equal(HttpStatusCode.Created, series.StatusCode);
        var booked = (await series.JsonAsync()).GetProperty("reservations").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(3, booked.Count);

        var again = await user.PostAsJsonAsync("/api/v1/reservations/series", new { resourceId, start, end = start.AddHours(1), rule = "FREQ=DAILY;COUNT=2" });
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "series_conflict");

        var next = await user.GetOkAsync($"/api/v1/resources/{resourceId}/next-available?duration=60&after={Uri.EscapeDataString(start.ToString("O"))}");
        Assert.Equal(start.AddHours(1), next.GetProperty("start").GetDateTimeOffset());

        var date = start.UtcDateTime.ToString("yyyy-MM-dd");
        var slots = await user.GetOkAsync($"/api/v1/resources/{resourceId}/slots?date={date}&duration=PT1H");
        Assert.DoesNotContain(slots.GetProperty("slots").EnumerateArray(), s => s.GetProperty("start").GetDateTimeOffset() == start);

        var moved = await user.PatchAsJsonAsync($"/api/v1/reservations/{booked[0]}", new { start = start.AddHours(2), end = start.AddHours(3) });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var cancelled = await user.PostAsJsonAsync($"/api/v1/reservations/{booked[1]}/cancel-series", new { scope = "following" });
        Assert.Equal(2, (await cancelled.JsonAsync()).GetArrayLength());

        await (await user.GetAsync($"/api/v1/resources/{resourceId}/slots?date=nope&duration=60")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        await (await user.GetAsync($"/api/v1/resources/{resourceId}/slots?date={date}&duration=abc")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        await (await user.PostAsJsonAsync("/api/v1/reservations/series", new { resourceId, start, end = start.AddHours(1), rule = "FREQ=DAILY" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "series_too_long");
        var summary = await user.GetOkAsync("/api/v1/resources/summary");
        Assert.True(summary.GetProperty("total").GetInt32() >= 1);
    }
}
