using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class GroupsEndpointTests(ApiFixture api)
{
    private async Task<Guid> GroupAsync(string name, string kind = "other", Guid? parentId = null)
    {
        var response = await api.Admin.PostAsJsonAsync("/api/v1/groups", new { name, kind, parentId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> ResourceInAsync(Guid groupId, int capacity = 1, Guid[]? labels = null)
    {
        var response = await api.Admin.PostAsJsonAsync("/api/v1/resources", new { name = "Org " + ApiCalls.Marker(), capacity, groupId, labels });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var resource = await response.JsonAsync();
        Assert.Equal(groupId, resource.GetProperty("groupId").GetGuid());
        return resource.GetProperty("id").GetGuid();
    }

    private static List<Guid> Ids(IEnumerable<JsonElement> items) => items.Select(i => i.GetProperty("id").GetGuid()).ToList();

    [Fact]
    public async Task A_building_floor_tree_filters_resources_by_subtree_and_counts_them()
    {
        var building = await GroupAsync("Building " + ApiCalls.Marker(), "building");
        var floor = await GroupAsync("Floor 2", "floor", building);
        var inBuilding = await ResourceInAsync(building);
        var onFloor = await ResourceInAsync(floor);

        Assert.Equal([inBuilding], Ids(await api.Anonymous().ItemsAsync($"/api/v1/resources?groupId={building}")));
        Assert.Equal(new HashSet<Guid> { inBuilding, onFloor },
            Ids(await api.Anonymous().ItemsAsync($"/api/v1/resources?groupId={building}&includeSubgroups=true")).ToHashSet());

        var tree = (await api.Anonymous().GetOkAsync("/api/v1/groups/tree")).EnumerateArray().Single(n => n.GetProperty("id").GetGuid() == building);
        Assert.Equal(2, tree.GetProperty("resourceCount").GetInt32());
        Assert.Equal("building", tree.GetProperty("kind").GetString());
        var child = Assert.Single(tree.GetProperty("children").EnumerateArray());
        Assert.Equal(floor, child.GetProperty("id").GetGuid());
        Assert.Equal(1, child.GetProperty("resourceCount").GetInt32());
    }

    [Fact]
    public async Task Moving_under_a_descendant_answers_409_group_cycle()
    {
        var building = await GroupAsync("Building " + ApiCalls.Marker(), "building");
        var floor = await GroupAsync("Floor 1", "floor", building);

        await (await api.Admin.PatchAsJsonAsync($"/api/v1/groups/{building}", new { parentId = floor })).AssertProblemAsync(HttpStatusCode.Conflict, "group_cycle");

        var moved = await api.Admin.PatchAsJsonAsync($"/api/v1/groups/{floor}", new { toRoot = true, name = "Floor 1 " + ApiCalls.Marker() });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await moved.JsonAsync()).GetProperty("parentId").ValueKind);
    }

    [Fact]
    public async Task Deleting_a_group_with_resources_answers_409_until_it_is_empty()
    {
        var area = await GroupAsync("Area " + ApiCalls.Marker(), "area");
        var resource = await ResourceInAsync(area);

        await (await api.Admin.DeleteAsync($"/api/v1/groups/{area}")).AssertProblemAsync(HttpStatusCode.Conflict, "group_not_empty");

        var ungrouped = await api.Admin.PatchAsJsonAsync($"/api/v1/resources/{resource}", new { removeFromGroup = true });
        Assert.Equal(JsonValueKind.Null, (await ungrouped.JsonAsync()).GetProperty("groupId").ValueKind);
        Assert.Equal(HttpStatusCode.NoContent, (await api.Admin.DeleteAsync($"/api/v1/groups/{area}")).StatusCode);
        await (await api.Anonymous().GetAsync($"/api/v1/groups/{area}")).AssertProblemAsync(HttpStatusCode.NotFound, "group_not_found");
    }

    [Fact]
    public async Task Bad_group_input_is_refused_naming_the_field()
    {
        await (await api.Admin.PostAsJsonAsync("/api/v1/groups", new { name = "", kind = "floor" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        var badKind = await (await api.Admin.PostAsJsonAsync("/api/v1/groups", new { name = "X", kind = "galaxy" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(badKind.GetProperty("errors").TryGetProperty("kind", out _));
        await (await api.Admin.PostAsJsonAsync("/api/v1/groups", new { name = "X", parentId = Guid.NewGuid() })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        await (await api.Admin.PostAsJsonAsync("/api/v1/resources", new { name = "Org " + ApiCalls.Marker(), groupId = Guid.NewGuid() }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        await (await api.Anonymous().GetAsync("/api/v1/resources?groupId=nope")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        await (await api.Anonymous().GetAsync("/api/v1/resources?includeSubgroups=true")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        await (await api.Anonymous().GetAsync("/api/v1/groups?limit=0")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        await (await api.Admin.PatchAsJsonAsync($"/api/v1/groups/{Guid.NewGuid()}", new { name = "Y" })).AssertProblemAsync(HttpStatusCode.NotFound, "group_not_found");
    }

    [Fact]
    public async Task Users_without_resources_manage_cannot_change_groups()
    {
        var (user, _) = await api.NewUserAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await user.PostAsJsonAsync("/api/v1/groups", new { name = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().PostAsJsonAsync("/api/v1/groups", new { name = "Mine" })).StatusCode);
    }
}
