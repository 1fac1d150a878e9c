using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class SavedSearchAndSuggestionTests(ApiFixture api)
{
    private static List<Guid> Ids(IEnumerable<JsonElement> items) => items.Select(i => i.GetProperty("id").GetGuid()).ToList();

    [Fact]
    public async Task A_saved_search_runs_its_query_for_its_owner_only()
    {
        var tag = ApiCalls.Marker();
        var big = await api.NewResourceAsync(capacity: 8, tags: [tag]);
        await api.NewResourceAsync(capacity: 2, tags: [tag]);
        var (owner, _) = await api.NewUserAsync();
        var (other, _) = await api.NewUserAsync();

        var created = await owner.PostAsJsonAsync("/api/v1/saved-searches", new { name = "Big rooms", query = new { tags = new[] { tag }, minCapacity = 5 } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        Assert.Equal([big], Ids(await owner.ItemsAsync($"/api/v1/saved-searches/{id}/run")));
        Assert.Equal([id], Ids(await owner.ItemsAsync("/api/v1/saved-searches")));
        Assert.Empty(await other.ItemsAsync("/api/v1/saved-searches"));
        await (await other.GetAsync($"/api/v1/saved-searches/{id}/run")).AssertProblemAsync(HttpStatusCode.NotFound, "saved_search_not_found");
        await (await other.DeleteAsync($"/api/v1/saved-searches/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "saved_search_not_found");
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/v1/saved-searches/{id}")).StatusCode);
        Assert.Empty(await owner.ItemsAsync("/api/v1/saved-searches"));
    }

    [Fact]
    public async Task Bad_saved_searches_are_refused_naming_the_field()
    {
        var (user, _) = await api.NewUserAsync();
        var noName = await (await user.PostAsJsonAsync("/api/v1/saved-searches", new { name = "", query = new { } }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(noName.GetProperty("errors").TryGetProperty("name", out _));
        var badCapacity = await (await user.PostAsJsonAsync("/api/v1/saved-searches", new { name = "x", query = new { minCapacity = 0 } }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(badCapacity.GetProperty("errors").TryGetProperty("query.minCapacity", out _));
        await (await user.PostAsJsonAsync("/api/v1/saved-searches", new { name = "x" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().GetAsync("/api/v1/saved-searches")).StatusCode);
    }

    [Fact]
    public async Task Suggestions_find_prefixes_of_every_kind_and_tolerate_a_typo()
    {
        var word = "zq" + ApiCalls.Marker()[1..7];
        var resource = await api.NewResourceAsync(name: $"{word} Boardroom", tags: [word + "tag"]);
        var groupResponse = await api.Admin.PostAsJsonAsync("/api/v1/groups", new { name = word + " Tower", kind = "building" });
        var group = (await groupResponse.JsonAsync()).GetProperty("id").GetGuid();

        var prefix = (await api.Anonymous().GetOkAsync($"/api/v1/search/suggestions?q={word[..6]}")).EnumerateArray().ToList();
        Assert.Contains(prefix, s => s.GetProperty("kind").GetString() == "resource" && s.GetProperty("id").GetGuid() == resource);
        Assert.Contains(prefix, s => s.GetProperty("kind").GetString() == "group" && s.GetProperty("id").GetGuid() == group);
        Assert.Contains(prefix, s => s.GetProperty("kind").GetString() == "tag" && s.GetProperty("text").GetString() == word + "tag");

        // One letter changed in the middle: no prefix matches, the typo-tolerant pass does.
        var typo = word[..3] + (word[3] == 'x' ? 'y' : 'x') + word[4..];
        var nearMisses = (await api.Anonymous().GetOkAsync($"/api/v1/search/suggestions?q={typo}")).EnumerateArray().ToList();
        Assert.Contains(nearMisses, s => s.GetProperty("kind").GetString() == "resource" && s.GetProperty("id").GetGuid() == resource);
        Assert.True(nearMisses.Count <= 10);
    }

    [Fact]
    public async Task Suggestions_need_a_query()
    {
        await (await api.Anonymous().GetAsync("/api/v1/search/suggestions")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        await (await api.Anonymous().GetAsync($"/api/v1/search/suggestions?q={new string('a', 101)}")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync("/api/v1/search/suggestions?q=%25_")).StatusCode);
    }
}
