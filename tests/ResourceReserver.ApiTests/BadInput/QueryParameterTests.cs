using System.Net;
using System.Text;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.BadInput;

/// <summary>Bad query strings on the list endpoints: 422 validation_failed, never a 500 or a silently wrong list.</summary>
[Collection(ApiCollection.Name)]
public sealed class QueryParameterTests(ApiFixture api)
{
    public static TheoryData<string> BadResourceQueries => new()
    {
        "limit=0",
        "limit=101",
        "limit=abc",
        "limit=-1",
        "limit=1.5",
        "limit=",
        "limit=99999999999999999999",
        "cursor=garbage",
        "cursor=!!!!",
        "cursor=" + new string('A', 3000),
        "status=broken",
        "status=1",
        "status=available,maintenance",
        "availableFrom=2030-01-01T00:00:00Z",
        "availableFrom=tomorrow&availableUntil=later",
        "availableFrom=2030-01-02T00:00:00Z&availableUntil=2030-01-01T00:00:00Z",
        "availableFrom=2030-01-01T00:00:00&availableUntil=2030-01-02T00:00:00",
    };

    public static TheoryData<string> BadReservationQueries => new()
    {
        "limit=0",
        "limit=101",
        "limit=abc",
        "cursor=garbage",
        "status=bogus",
        "status=1",
        "status=confirmed,cancelled",
        "from=yesterday",
        "until=2030-13-01T00:00:00Z",
        "userId=not-a-guid",
        "resourceId=not-a-guid",
    };

    [Theory]
    [MemberData(nameof(BadResourceQueries))]
    public async Task Bad_resource_list_query_returns_422(string query)
    {
        var response = await api.Anonymous().GetAsync("/api/v1/resources?" + query);
        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Theory]
    [MemberData(nameof(BadReservationQueries))]
    public async Task Bad_reservation_list_query_returns_422(string query)
    {
        var (user, _) = await api.NewUserAsync();
        var response = await user.GetAsync("/api/v1/reservations?" + query);
        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Theory]
    [InlineData("garbage\nnot-an-id")]
    [InlineData("\n")]
    [InlineData("99999999999999999999999\nx")]
    [InlineData("-1\n00000000-0000-0000-0000-000000000000")]
    public async Task Forged_but_decodable_cursors_never_cause_a_server_error(string decoded)
    {
        var cursor = Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes(decoded)));
        var (user, _) = await api.NewUserAsync();

        var resources = await api.Anonymous().GetAsync($"/api/v1/resources?cursor={cursor}");
        var reservations = await user.GetAsync($"/api/v1/reservations?cursor={cursor}");

        Assert.True(resources.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"resources answered {(int)resources.StatusCode}");
        Assert.True(reservations.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"reservations answered {(int)reservations.StatusCode}");
    }

    [Fact]
    public async Task Reservation_list_cursor_walks_all_pages_without_duplicates()
    {
        var (user, _) = await api.NewUserAsync();
        var resourceId = await api.NewResourceAsync();
        for (var i = 0; i < 3; i++)
        {
            await user.BookOkAsync(resourceId, ApiFixture.FutureHour(2 + i), ApiFixture.FutureHour(2 + i).AddHours(1));
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await user.GetOkAsync("/api/v1/reservations?limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").ValueKind == System.Text.Json.JsonValueKind.String ? page.GetProperty("nextCursor").GetString() : null;
        }
        while (cursor is not null && seen.Count < 10);

        Assert.Equal(3, seen.Count);
        Assert.Equal(3, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("availability?from=not-a-date")]
    [InlineData("availability?until=2030-01-01")]
    public async Task Bad_availability_query_returns_422(string query)
    {
        var id = await api.NewResourceAsync();
        var response = await api.Anonymous().GetAsync($"/api/v1/resources/{id}/{query}");
        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, null);
    }

    [Theory]
    [InlineData("/api/v1/resources/%2500")]
    [InlineData("/api/v1/resources/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/v1/resources/%F0%9F%8E%89")]
    [InlineData("/api/v1/reservations/%27%3B%20DROP%20TABLE%20reservations%3B--")]
    public async Task Weird_path_ids_are_404_never_500(string path)
    {
        var (user, _) = await api.NewUserAsync();
        var response = await user.GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path} answered {(int)response.StatusCode}");
    }
}
