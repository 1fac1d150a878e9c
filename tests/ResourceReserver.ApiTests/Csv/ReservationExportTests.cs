using System.Net;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Csv;

[Collection(ApiCollection.Name)]
public sealed class ReservationExportTests(ApiFixture api)
{
    [Fact]
    public async Task A_user_exports_their_own_reservations_and_a_manager_everyones()
    {
        var resource = await api.NewResourceAsync();
        var (alice, aliceId) = await api.NewUserAsync();
        var (bob, _) = await api.NewUserAsync();
        var start = ApiFixture.FutureHour(3, 10);
        var mine = await alice.BookOkAsync(resource, start, start.AddHours(1), "Alice's");
        var theirs = await bob.BookOkAsync(resource, start.AddHours(2), start.AddHours(3), "Bob's");

        var own = await alice.ExportAsync("/api/v1/reservations/export.csv");
        Assert.StartsWith("id,resourceId,userId,start,end,quantity,status,title,createdAt\r\n", own);
        Assert.Contains(mine.ToString(), own);
        Assert.DoesNotContain(theirs.ToString(), own);

        var all = await api.Admin.ExportAsync($"/api/v1/reservations/export.csv?resourceId={resource}");
        Assert.Contains(mine.ToString(), all);
        Assert.Contains(theirs.ToString(), all);
        Assert.Contains($"{mine},{resource},{aliceId},{start.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'},", all);

        var window = await api.Admin.ExportAsync($"/api/v1/reservations/export.csv?resourceId={resource}&from={Uri.EscapeDataString(start.AddHours(1.5).ToString("O"))}");
        Assert.DoesNotContain(mine.ToString(), window);
        Assert.Contains(theirs.ToString(), window);

        var onlyAlice = await api.Admin.ExportAsync($"/api/v1/reservations/export.csv?userId={aliceId}");
        Assert.Contains(mine.ToString(), onlyAlice);
        Assert.DoesNotContain(theirs.ToString(), onlyAlice);
    }

    [Fact]
    public async Task Bad_filters_and_other_users_are_refused()
    {
        var (user, _) = await api.NewUserAsync();
        await (await user.GetAsync($"/api/v1/reservations/export.csv?userId={api.AdminId}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await user.GetAsync("/api/v1/reservations/export.csv?from=yesterday")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        await (await user.GetAsync("/api/v1/reservations/export.csv?resourceId=nope")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().GetAsync("/api/v1/reservations/export.csv")).StatusCode);
    }
}
