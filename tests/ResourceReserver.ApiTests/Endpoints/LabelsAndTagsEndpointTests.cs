using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class LabelsAndTagsEndpointTests(ApiFixture api)
{
    private async Task<Guid> LabelAsync(string category, string value, string color = "#336699")
    {
        var response = await api.Admin.PostAsJsonAsync("/api/v1/labels", new { category, value, color });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> ResourceAsync(int capacity = 1, Guid[]? labels = null, string[]? tags = null)
    {
        var response = await api.Admin.PostAsJsonAsync("/api/v1/resources", new { name = "Lab " + ApiCalls.Marker(), capacity, labels, tags });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static List<Guid> Ids(IEnumerable<JsonElement> items) => items.Select(i => i.GetProperty("id").GetGuid()).ToList();

    private static List<Guid> LabelsOf(JsonElement resource) => resource.GetProperty("labels").EnumerateArray().Select(l => l.GetGuid()).ToList();

    [Fact]
    public async Task Labels_filter_resources_together_with_min_capacity()
    {
        var category = "equipment " + ApiCalls.Marker();
        var projector = await LabelAsync(category, "projector");
        var big = await ResourceAsync(capacity: 12, labels: [projector]);
        await ResourceAsync(capacity: 4, labels: [projector]);

        Assert.Equal([big], Ids(await api.Anonymous().ItemsAsync($"/api/v1/resources?labels={projector}&minCapacity=10")));
        Assert.Equal(2, (await api.Anonymous().ItemsAsync($"/api/v1/resources?labels={projector}")).Count);
        await (await api.Anonymous().GetAsync("/api/v1/resources?minCapacity=0")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        await (await api.Anonymous().GetAsync("/api/v1/resources?labels=x")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Fact]
    public async Task Merging_a_label_moves_its_resources_to_the_target_and_removes_it()
    {
        var category = "colour " + ApiCalls.Marker();
        var (red, crimson) = (await LabelAsync(category, "red", "#FF0000"), await LabelAsync(category, "crimson", "#DC143C"));
        var onlyCrimson = await ResourceAsync(labels: [crimson]);
        var both = await ResourceAsync(labels: [red, crimson]);

        var merged = await api.Admin.PostAsJsonAsync($"/api/v1/labels/{crimson}/merge", new { intoId = red });

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(2, (await merged.JsonAsync()).GetProperty("resourcesMoved").GetInt32());
        Assert.Equal([red], LabelsOf(await api.Anonymous().GetOkAsync($"/api/v1/resources/{onlyCrimson}")));
        Assert.Equal([red], LabelsOf(await api.Anonymous().GetOkAsync($"/api/v1/resources/{both}")));
        await (await api.Anonymous().GetAsync($"/api/v1/labels/{crimson}")).AssertProblemAsync(HttpStatusCode.NotFound, "label_not_found");
        await (await api.Admin.PostAsJsonAsync($"/api/v1/labels/{red}/merge", new { intoId = red })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Fact]
    public async Task Bad_labels_are_refused_and_duplicates_conflict()
    {
        var category = "floor " + ApiCalls.Marker();
        var label = await LabelAsync(category, "quiet");

        var bad = await (await api.Admin.PostAsJsonAsync("/api/v1/labels", new { category, value = "x", color = "red" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("color", out _));
        await (await api.Admin.PostAsJsonAsync("/api/v1/labels", new { category = category.ToUpperInvariant(), value = "QUIET", color = "#000000" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "label_taken");
        var recoloured = await api.Admin.PatchAsJsonAsync($"/api/v1/labels/{label}", new { color = "#00ff00" });
        Assert.Equal("#00FF00", (await recoloured.JsonAsync()).GetProperty("color").GetString());
        await (await api.Admin.PostAsJsonAsync("/api/v1/resources", new { name = "Lab " + ApiCalls.Marker(), labels = new[] { Guid.NewGuid() } }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        var (user, _) = await api.NewUserAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsJsonAsync("/api/v1/labels", new { category, value = "y", color = "#000000" })).StatusCode);
    }

    [Fact]
    public async Task Deleting_a_label_takes_it_off_every_resource()
    {
        var label = await LabelAsync("zone " + ApiCalls.Marker(), "a");
        var resource = await ResourceAsync(labels: [label]);

        Assert.Equal(HttpStatusCode.NoContent, (await api.Admin.DeleteAsync($"/api/v1/labels/{label}")).StatusCode);
        Assert.Empty(LabelsOf(await api.Anonymous().GetOkAsync($"/api/v1/resources/{resource}")));
    }

    [Fact]
    public async Task Renaming_a_tag_merges_it_into_an_existing_one_on_every_resource()
    {
        var (old, target) = (ApiCalls.Marker(), ApiCalls.Marker());
        var onlyOld = await ResourceAsync(tags: [old]);
        var both = await ResourceAsync(tags: [old, target]);

        var renamed = await api.Admin.PatchAsJsonAsync($"/api/v1/resources/tags/{old}", new { name = target.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(2, (await renamed.JsonAsync()).GetProperty("resourcesChanged").GetInt32());
        Assert.Equal(new HashSet<Guid> { onlyOld, both }, Ids(await api.Anonymous().ItemsAsync($"/api/v1/resources?tags={target}")).ToHashSet());
        Assert.Empty(await api.Anonymous().ItemsAsync($"/api/v1/resources?tags={old}"));
        var tags = (await api.Anonymous().GetOkAsync($"/api/v1/resources/{both}")).GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Equal([target], tags);
    }

    [Fact]
    public async Task Deleting_a_tag_removes_it_everywhere_and_unknown_tags_are_404()
    {
        var (tag, keep) = (ApiCalls.Marker(), ApiCalls.Marker());
        var resource = await ResourceAsync(tags: [tag, keep]);

        Assert.Equal(HttpStatusCode.OK, (await api.Admin.DeleteAsync($"/api/v1/resources/tags/{tag}")).StatusCode);
        var tags = (await api.Anonymous().GetOkAsync($"/api/v1/resources/{resource}")).GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Equal([keep], tags);
        await (await api.Admin.DeleteAsync($"/api/v1/resources/tags/{tag}")).AssertProblemAsync(HttpStatusCode.NotFound, "tag_not_found");
        await (await api.Admin.PatchAsJsonAsync($"/api/v1/resources/tags/{keep}", new { name = "" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        var (user, _) = await api.NewUserAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await user.DeleteAsync($"/api/v1/resources/tags/{keep}")).StatusCode);
    }
}
