using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests;

[Collection(ApiCollection.Name)]
public sealed class SmokeTests(ApiFixture api)
{
    [Fact]
    public async Task Booking_a_free_slot_returns_201_and_a_second_identical_booking_409()
    {
        var resourceId = await api.NewResourceAsync();
        var (client, _) = await api.NewUserAsync();
        var body = new { resourceId, start = ApiFixture.FutureHour(), end = ApiFixture.FutureHour().AddHours(1) };

        var first = await client.PostAsJsonAsync("/api/v1/reservations", body);
        var second = await client.PostAsJsonAsync("/api/v1/reservations", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }
}
