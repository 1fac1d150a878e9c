using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.BadInput;

/// <summary>SQL and script fragments are data: stored verbatim (or refused), never executed, never breaking a list.</summary>
[Collection(ApiCollection.Name)]
public sealed class InjectionTests(ApiFixture api)
{
    public static TheoryData<string> Fragments => new()
    {
        "'; DROP TABLE reservations; --",
        "<script>alert(1)</script>",
        "\" OR 1=1 --",
        "Robert'); DELETE FROM resources;--",
        "100% _real_ \\ escape",
        "emoji 🎉 and ünïcödé",
    };

    [Theory]
    [MemberData(nameof(Fragments))]
    public async Task Resource_names_round_trip_exactly_and_are_searchable(string fragment)
    {
        var marker = ApiCalls.Marker();
        var name = $"{marker} {fragment}";

        var created = await api.Admin.PostAsJsonAsync("/api/v1/resources", new { name, description = fragment, location = fragment });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var fetched = await api.Anonymous().GetOkAsync($"/api/v1/resources/{id}");
        Assert.Equal(name, fetched.GetProperty("name").GetString());
        Assert.Equal(fragment, fetched.GetProperty("description").GetString());
        var found = await api.Anonymous().ItemsAsync($"/api/v1/resources?q={Uri.EscapeDataString(name)}");
        Assert.Equal([id], found.Select(r => r.GetProperty("id").GetGuid()));
        await api.Anonymous().GetOkAsync("/api/v1/resources?limit=100");
    }

    [Theory]
    [MemberData(nameof(Fragments))]
    public async Task Search_with_fragments_never_breaks_the_list(string fragment)
    {
        var marker = ApiCalls.Marker();
        await api.NewResourceAsync(name: "Plain " + marker);

        var response = await api.Anonymous().GetAsync($"/api/v1/resources?q={Uri.EscapeDataString(fragment)}&tags={Uri.EscapeDataString(fragment)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await api.Anonymous().ItemsAsync($"/api/v1/resources?q={marker}"));
    }

    [Fact]
    public async Task Like_wildcards_in_q_match_literally()
    {
        var marker = ApiCalls.Marker();
        var literal = await api.NewResourceAsync(name: $"{marker} 100%");
        await api.NewResourceAsync(name: $"{marker} 1000");

        var found = await api.Anonymous().ItemsAsync($"/api/v1/resources?q={Uri.EscapeDataString(marker + " 100%")}");
        var underscore = await api.Anonymous().ItemsAsync($"/api/v1/resources?q={Uri.EscapeDataString(marker + "_")}");

        Assert.Equal([literal], found.Select(r => r.GetProperty("id").GetGuid()));
        Assert.Empty(underscore);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("'; drop table reservations; --")]
    public async Task Tags_with_fragments_are_stored_verbatim_and_filterable(string fragment)
    {
        var marker = ApiCalls.Marker();
        var tag = $"{marker}{fragment}";
        var id = await api.NewResourceAsync(tags: [tag]);

        var fetched = await api.Anonymous().GetOkAsync($"/api/v1/resources/{id}");
        var byTag = await api.Anonymous().ItemsAsync($"/api/v1/resources?tags={Uri.EscapeDataString(tag)}");
        var tagCounts = (await api.Anonymous().GetOkAsync("/api/v1/resources/tags")).EnumerateArray();

        Assert.Equal([tag], fetched.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal([id], byTag.Select(r => r.GetProperty("id").GetGuid()));
        Assert.Contains(tagCounts, t => t.GetProperty("tag").GetString() == tag);
    }

    [Theory]
    [MemberData(nameof(Fragments))]
    public async Task Reservation_titles_notes_and_cancel_reasons_round_trip_exactly(string fragment)
    {
        var (user, _) = await api.NewUserAsync();
        var resourceId = await api.NewResourceAsync();
        var start = ApiFixture.FutureHour();

        var created = await user.PostAsJsonAsync("/api/v1/reservations", new { resourceId, start, end = start.AddHours(1), title = fragment, notes = fragment });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();
        await user.PostAsJsonAsync($"/api/v1/reservations/{id}/cancel", new { reason = fragment });

        var fetched = await user.GetOkAsync($"/api/v1/reservations/{id}");
        Assert.Equal(fragment, fetched.GetProperty("title").GetString());
        Assert.Equal(fragment, fetched.GetProperty("notes").GetString());
        Assert.Equal(fragment, fetched.GetProperty("cancelReason").GetString());
        Assert.Single(await user.ItemsAsync("/api/v1/reservations"));
        Assert.Equal(2, (await user.GetOkAsync($"/api/v1/reservations/{id}/history")).GetArrayLength());
    }

    [Theory]
    [InlineData("admin'--")]
    [InlineData("' OR '1'='1")]
    public async Task Sign_in_with_injected_username_is_simply_invalid_credentials(string username)
    {
        var response = await api.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { grant_type = "password", username, password = "' OR '1'='1" });
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }
}
