using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class ResourceListTests(ApiFixture api)
{
    private static string Iso(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O", CultureInfo.InvariantCulture));

    private static List<Guid> Ids(IEnumerable<System.Text.Json.JsonElement> items) => items.Select(i => i.GetProperty("id").GetGuid()).ToList();

    [Fact]
    public async Task Q_matches_part_of_the_name_case_insensitively()
    {
        var marker = ApiCalls.Marker();
        var id = await api.NewResourceAsync(name: $"Studio {marker} East");
        await api.NewResourceAsync(name: "Studio " + ApiCalls.Marker());

        var items = await api.Anonymous().ItemsAsync($"/api/v1/resources?q={marker.ToUpperInvariant()}");

        Assert.Equal([id], Ids(items));
    }

    [Fact]
    public async Task Tags_are_AND_ed()
    {
        var tagA = ApiCalls.Marker();
        var tagB = ApiCalls.Marker();
        var both = await api.NewResourceAsync(tags: [tagA, tagB]);
        var onlyA = await api.NewResourceAsync(tags: [tagA]);
        await api.NewResourceAsync(tags: [tagB]);

        Assert.Equal([both], Ids(await api.Anonymous().ItemsAsync($"/api/v1/resources?tags={tagA},{tagB}")));
        Assert.Equal(new HashSet<Guid> { both, onlyA }, Ids(await api.Anonymous().ItemsAsync($"/api/v1/resources?tags={tagA}")).ToHashSet());
    }

    [Fact]
    public async Task Status_filter_returns_only_resources_in_that_status()
    {
        var tag = ApiCalls.Marker();
        var open = await api.NewResourceAsync(tags: [tag]);
        var closed = await api.NewResourceAsync(tags: [tag]);
        await api.Admin.PutAsJsonAsync($"/api/v1/resources/{closed}/status", new { status = "maintenance" });

        Assert.Equal([closed], Ids(await api.Anonymous().ItemsAsync($"/api/v1/resources?tags={tag}&status=maintenance")));
        Assert.Equal([open], Ids(await api.Anonymous().ItemsAsync($"/api/v1/resources?tags={tag}&status=AVAILABLE")));
    }

    [Fact]
    public async Task Available_window_hides_resources_booked_throughout_it()
    {
        var tag = ApiCalls.Marker();
        var booked = await api.NewResourceAsync(tags: [tag]);
        var free = await api.NewResourceAsync(tags: [tag]);
        var (user, _) = await api.NewUserAsync();
        var start = ApiFixture.FutureHour(4, 10);
        await user.BookOkAsync(booked, start, start.AddHours(2));

        var during = await api.Anonymous().ItemsAsync($"/api/v1/resources?tags={tag}&availableFrom={Iso(start)}&availableUntil={Iso(start.AddHours(1))}");
        var after = await api.Anonymous().ItemsAsync($"/api/v1/resources?tags={tag}&availableFrom={Iso(start.AddHours(2))}&availableUntil={Iso(start.AddHours(3))}");

        Assert.Equal([free], Ids(during));
        Assert.Equal(new HashSet<Guid> { booked, free }, Ids(after).ToHashSet());
    }

    [Fact]
    public async Task Cursor_pagination_walks_all_pages_without_duplicates()
    {
        var tag = ApiCalls.Marker();
        var created = new HashSet<Guid>();
        for (var i = 0; i < 7; i++)
        {
            created.Add(await api.NewResourceAsync(tags: [tag]));
        }

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/api/v1/resources?tags={tag}&limit=3" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await api.Anonymous().GetOkAsync(url);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count <= 3);
            seen.AddRange(Ids(items));
            cursor = page.GetProperty("nextCursor").ValueKind == System.Text.Json.JsonValueKind.String ? page.GetProperty("nextCursor").GetString() : null;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(created, seen.ToHashSet());
        Assert.InRange(pages, 3, 4);
    }

    [Fact]
    public async Task Default_page_has_at_most_20_items_and_limit_100_is_accepted()
    {
        var defaultPage = await api.Anonymous().ItemsAsync("/api/v1/resources");
        var bigPage = await api.Anonymous().ItemsAsync("/api/v1/resources?limit=100");
        var onePage = await api.Anonymous().ItemsAsync("/api/v1/resources?limit=1");

        Assert.InRange(defaultPage.Count, 0, 20);
        Assert.InRange(bigPage.Count, 0, 100);
        Assert.InRange(onePage.Count, 0, 1);
    }

    [Fact]
    public async Task Trailing_slash_answers_like_no_trailing_slash()
    {
        var marker = ApiCalls.Marker();
        var id = await api.NewResourceAsync(name: "Slash " + marker);

        var plain = await api.Anonymous().ItemsAsync($"/api/v1/resources?q={marker}");
        var slashed = await api.Anonymous().ItemsAsync($"/api/v1/resources/?q={marker}");
        var one = await api.Anonymous().GetOkAsync($"/api/v1/resources/{id}/");

        Assert.Equal([id], Ids(plain));
        Assert.Equal([id], Ids(slashed));
        Assert.Equal(id, one.GetProperty("id").GetGuid());

        var created = await api.Admin.PostAsJsonAsync("/api/v1/resources/", new { name = "Slash2 " + marker });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task Tags_endpoint_counts_live_resources_per_tag()
    {
        var tag = ApiCalls.Marker();
        await api.NewResourceAsync(tags: [tag]);
        var deleted = await api.NewResourceAsync(tags: [tag]);
        await api.NewResourceAsync(tags: [tag]);
        await api.Admin.DeleteAsync($"/api/v1/resources/{deleted}");

        var tags = (await api.Anonymous().GetOkAsync("/api/v1/resources/tags")).EnumerateArray().ToList();

        var entry = Assert.Single(tags, t => t.GetProperty("tag").GetString() == tag);
        Assert.Equal(2, entry.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Availability_shows_busy_and_free_and_hides_owners_from_non_admins()
    {
        var id = await api.NewResourceAsync();
        var (user, _) = await api.NewUserAsync();
        var day = ApiFixture.FutureHour(5, 0);
        var reservationId = await user.BookOkAsync(id, day.AddHours(9), day.AddHours(10));
        var url = $"/api/v1/resources/{id}/availability?from={Iso(day)}&until={Iso(day.AddDays(1))}";

        var asUser = await user.GetOkAsync(url);
        var asAdmin = await api.Admin.GetOkAsync(url);

        Assert.Equal(id, asUser.GetProperty("resourceId").GetGuid());
        var busy = Assert.Single(asUser.GetProperty("busy").EnumerateArray());
        Assert.Equal(day.AddHours(9), busy.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(day.AddHours(10), busy.GetProperty("end").GetDateTimeOffset());
        Assert.DoesNotContain(reservationId.ToString(), asUser.ToString());
        Assert.Contains(reservationId.ToString(), asAdmin.ToString());
        var free = asUser.GetProperty("free").EnumerateArray().Select(f => (f.GetProperty("start").GetDateTimeOffset(), f.GetProperty("end").GetDateTimeOffset())).ToList();
        Assert.Equal([(day, day.AddHours(9)), (day.AddHours(10), day.AddDays(1))], free);
    }

    [Theory]
    [InlineData("from=yesterday", "validation_failed")]
    [InlineData("from=2030-01-02T00:00:00Z&until=2030-01-01T00:00:00Z", "invalid_interval")]
    [InlineData("from=2030-01-01T00:00:00Z&until=2030-12-01T00:00:00Z", "window_too_long")]
    [InlineData("from=0001-01-01T00:00:00Z&until=0001-01-02T00:00:00Z", "invalid_time")]
    [InlineData("from=9999-12-30T00:00:00Z", "invalid_time")]
    [InlineData("until=0001-01-01T00:00:00Z", "invalid_time")]
    public async Task Bad_availability_window_returns_422(string query, string code)
    {
        var id = await api.NewResourceAsync();
        var response = await api.Anonymous().GetAsync($"/api/v1/resources/{id}/availability?{query}");
        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, code);
    }
}
