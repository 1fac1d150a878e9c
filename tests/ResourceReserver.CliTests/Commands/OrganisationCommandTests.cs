using System.Text.Json;
using System.Text.Json.Nodes;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.CliTests.Fixtures;

namespace ResourceReserver.CliTests.Commands;

/// <summary><c>rr groups | labels | tags | searches</c> and <c>rr resources list --group</c> against a real host.</summary>
[Collection(CliCollection.Name)]
public sealed class OrganisationCommandTests(CliFixture fixture)
{
    private static string Marker() => Guid.NewGuid().ToString("N")[..8];

    private static JsonElement Json(CliResult result) => JsonDocument.Parse(result.Out).RootElement.Clone();

    [Fact]
    public async Task An_admin_builds_a_tree_by_paths_and_a_member_lists_a_group_by_its_path()
    {
        var building = $"Building {Marker()}";
        var created = Json(await fixture.Admin.OkAsync("groups", "create", building, "--kind", "building", "--json"));
        Assert.Equal("building", created.GetProperty("kind").GetString());
        var floor = Json(await fixture.Admin.OkAsync("groups", "create", "Floor 2", "--kind", "floor", "--parent", building, "--json"));
        Assert.Equal(created.GetProperty("id").GetString(), floor.GetProperty("parentId").GetString());
        var room = await fixture.PostAsAdminAsync("api/v1/resources", new { name = $"Room {Marker()}", groupId = floor.GetProperty("id").GetGuid() });

        using var member = await fixture.NewUserAsync("orgcli");
        var listed = Json(await member.OkAsync("resources", "list", "--group", $"{building}/floor 2", "--json"));
        Assert.Equal(room.GetProperty("id").GetString(), Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Single(Json(await member.OkAsync("resources", "list", "--group", building, "--subgroups", "--json")).GetProperty("items").EnumerateArray());
        Assert.Empty(Json(await member.OkAsync("resources", "list", "--group", building, "--json")).GetProperty("items").EnumerateArray());

        // --json is the API's body, byte for byte; the human tree names the path.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(await fixture.GetAsync(member, "api/v1/groups/tree")), JsonNode.Parse((await member.OkAsync("groups", "tree", "--json")).Out)));
        var tree = (await member.OkAsync("groups", "tree")).Out;
        Assert.Contains(building, tree);
        Assert.Contains("Floor 2", tree);
        Assert.Contains(building, (await member.OkAsync("groups", "list", "--all")).Out);

        (await fixture.Admin.RunAsync(["groups", "move", building, "--to", $"{building}/Floor 2"])).Expect(ExitCodes.Refused);
        (await fixture.Admin.RunAsync(["groups", "delete", building])).Expect(ExitCodes.Refused);
        (await member.RunAsync(["groups", "create", "Nope"])).Expect(ExitCodes.Refused);
        (await member.RunAsync(["resources", "list", "--group", $"{building}/Floor 9"])).Expect(ExitCodes.Usage);
        (await fixture.Admin.RunAsync(["groups", "move", building])).Expect(ExitCodes.Usage);

        var renamed = Json(await fixture.Admin.OkAsync("groups", "rename", $"{building}/Floor 2", "Floor 3", "--json"));
        Assert.Equal("Floor 3", renamed.GetProperty("name").GetString());
        var moved = Json(await fixture.Admin.OkAsync("groups", "move", $"{building}/Floor 3", "--root", "--json"));
        Assert.Equal(JsonValueKind.Null, moved.GetProperty("parentId").ValueKind);
        await fixture.Admin.OkAsync("groups", "delete", building);
        Assert.DoesNotContain(building, (await member.OkAsync("groups", "tree")).Out);
    }

    [Fact]
    public async Task Labels_merge_tags_rename_and_searches_run_through_the_cli()
    {
        var category = $"kit{Marker()}";
        var beamer = Json(await fixture.Admin.OkAsync("labels", "create", category, "beamer", "--color", "#FF8800", "--json"));
        Assert.Equal("#FF8800", beamer.GetProperty("color").GetString());
        var projector = Json(await fixture.Admin.OkAsync("labels", "create", category, "projector", "--json"));
        var tag = $"t{Marker()}";
        var room = await fixture.PostAsAdminAsync("api/v1/resources", new { name = $"Lab {Marker()}", capacity = 8, tags = new[] { tag }, labels = new[] { beamer.GetProperty("id").GetGuid() } });
        Assert.Contains($"{category}", (await fixture.Admin.OkAsync("labels", "list")).Out);

        var merged = Json(await fixture.Admin.OkAsync("labels", "merge", $"{category}:beamer", "--into", $"{category}:projector", "--json"));
        Assert.Equal(1, merged.GetProperty("resourcesMoved").GetInt32());
        var stored = JsonDocument.Parse(await fixture.GetAsync(fixture.Admin, $"api/v1/resources/{room.GetProperty("id").GetString()}")).RootElement;
        Assert.Equal(projector.GetProperty("id").GetString(), Assert.Single(stored.GetProperty("labels").EnumerateArray()).GetString());
        (await fixture.Admin.RunAsync(["labels", "delete", $"{category}:beamer"])).Expect(ExitCodes.Usage);

        var renamed = Json(await fixture.Admin.OkAsync("tags", "rename", tag, $"{tag}-new", "--json"));
        Assert.Equal(1, renamed.GetProperty("resourcesChanged").GetInt32());
        (await fixture.Admin.RunAsync(["tags", "delete", tag])).Expect(ExitCodes.Refused);

        using var member = await fixture.NewUserAsync("search");
        var saved = Json(await member.OkAsync("searches", "save", "Big labs", "--tags", $"{tag}-new", "--labels", $"{category}:projector", "--min-capacity", "6", "--json"));
        Assert.Equal(6, saved.GetProperty("query").GetProperty("minCapacity").GetInt32());
        Assert.Contains("Big labs", (await member.OkAsync("searches", "list")).Out);
        var run = Json(await member.OkAsync("searches", "run", "Big labs", "--json"));
        Assert.Equal(room.GetProperty("id").GetString(), Assert.Single(run.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(await fixture.GetAsync(member, "api/v1/saved-searches")), JsonNode.Parse((await member.OkAsync("searches", "list", "--json")).Out)));

        (await member.RunAsync(["tags", "rename", $"{tag}-new", "x"])).Expect(ExitCodes.Refused);
        (await member.RunAsync(["searches", "save", "Bad", "--min-capacity", "0"])).Expect(ExitCodes.Refused);
        await member.OkAsync("searches", "delete", "Big labs");
        (await member.RunAsync(["searches", "run", "Big labs"])).Expect(ExitCodes.Usage);
        var removed = await fixture.Admin.OkAsync("tags", "delete", $"{tag}-new");
        Assert.Contains("removed from 1 resources", removed.Out + removed.Error);
        await fixture.Admin.OkAsync("labels", "delete", projector.GetProperty("id").GetString()!);
    }
}
