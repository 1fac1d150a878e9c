using System.Text.Json;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.CliTests.Fixtures;

namespace ResourceReserver.CliTests.Commands;

[Collection(CliCollection.Name)]
public sealed class ResourceCommandTests(CliFixture fixture)
{
    [Fact]
    public async Task Create_then_show_by_exact_name_prints_the_apis_json_exactly()
    {
        var name = "Lab " + Guid.NewGuid().ToString("N")[..8];
        var created = await fixture.NewResourceAsync(name, "Europe/Paris", "lab,wet");
        var id = created.GetProperty("id").GetString()!;
        var shown = (await fixture.Admin.OkAsync("resources", "show", name.ToUpperInvariant(), "--json")).Out.TrimEnd('\n');
        Assert.Equal(await fixture.GetAsync(fixture.Admin, $"api/v1/resources/{id}"), shown);
        var human = (await fixture.Admin.OkAsync("resources", "show", id)).Out;
        Assert.Contains(name, human);
        Assert.Contains("Europe/Paris", human);
        Assert.Contains("lab, wet", human);
    }

    [Fact]
    public async Task List_filters_by_tags_and_status_and_json_is_the_api_page()
    {
        var tag = "t" + Guid.NewGuid().ToString("N")[..8];
        var first = await fixture.NewResourceAsync(tags: tag);
        await fixture.NewResourceAsync(tags: tag);
        await fixture.Admin.OkAsync("resources", "disable", first.GetProperty("id").GetString()!);
        var all = JsonDocument.Parse((await fixture.Admin.OkAsync("resources", "list", "--tags", tag, "--json")).Out).RootElement;
        Assert.Equal(2, all.GetProperty("items").GetArrayLength());
        var available = (await fixture.Admin.OkAsync("resources", "list", "--tags", tag, "--status", "available", "--json")).Out.TrimEnd('\n');
        Assert.Equal(await fixture.GetAsync(fixture.Admin, $"api/v1/resources?tags={tag}&status=available&limit=100"), available);
        var human = (await fixture.Admin.OkAsync("resources", "list", "--tags", tag)).Out;
        Assert.Contains("disabled", human);
        Assert.Contains("Resources (2)", human);
    }

    [Fact]
    public async Task Search_marks_which_resources_are_free_in_a_window_and_available_only_keeps_those()
    {
        var tag = "s" + Guid.NewGuid().ToString("N")[..8];
        var busy = await fixture.NewResourceAsync(tags: tag);
        var free = await fixture.NewResourceAsync(tags: tag);
        var day = Dates.Ahead(3);
        await fixture.Admin.OkAsync("reserve", busy.GetProperty("id").GetString()!, $"{day} 10:00", "2h");
        var marked = (await fixture.Admin.OkAsync("resources", "search", "--tags", tag, "--from", $"{day} 10:30", "--until", $"{day} 11:00")).Out;
        Assert.Matches($"{busy.GetProperty("name").GetString()}.*no", marked);
        Assert.Matches($"{free.GetProperty("name").GetString()}.*yes", marked);
        var only = JsonDocument.Parse((await fixture.Admin.OkAsync("resources", "search", "--tags", tag, "--from", $"{day} 10:30", "--until", $"{day} 11:00", "--available-only", "--json")).Out).RootElement;
        Assert.Equal([free.GetProperty("id").GetString()], only.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        var byWords = JsonDocument.Parse((await fixture.Admin.OkAsync("resources", "search", "--query", busy.GetProperty("name").GetString()!, "--json")).Out).RootElement;
        Assert.Equal(1, byWords.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Availability_status_and_slots_are_shown_in_the_resources_zone()
    {
        var resource = await fixture.NewResourceAsync(zone: "Asia/Tokyo");
        var id = resource.GetProperty("id").GetString()!;
        var day = Dates.Ahead(4);
        await fixture.Admin.OkAsync("reserve", id, $"{day} 09:00", "1h");
        var availability = (await fixture.Admin.OkAsync("resources", "availability", id, "--from", $"{day} 08:00", "--until", $"{day} 12:00")).Out;
        Assert.Contains("09:00–10:00 JST", availability);
        Assert.Contains("busy", availability);
        var json = JsonDocument.Parse((await fixture.Admin.OkAsync("resources", "availability", id, "--from", $"{day} 08:00", "--until", $"{day} 12:00", "--json")).Out).RootElement;
        Assert.Equal(DateTimeOffset.Parse($"{day}T00:00:00Z"), json.GetProperty("busy")[0].GetProperty("start").GetDateTimeOffset()); // 09:00 JST
        var slots = JsonDocument.Parse((await fixture.Admin.OkAsync("resources", "slots", id, "--date", day, "--duration", "90m", "--json")).Out).RootElement;
        Assert.Equal(90, slots.GetProperty("durationMinutes").GetInt32());
        Assert.Equal("Asia/Tokyo", slots.GetProperty("timeZone").GetString());
        Assert.Contains("Asia/Tokyo", (await fixture.Admin.OkAsync("resources", "status", id)).Out);
    }

    [Fact]
    public async Task Maintenance_with_auto_reset_then_reset_and_enable_change_the_status()
    {
        var resource = await fixture.NewResourceAsync();
        var id = resource.GetProperty("id").GetString()!;
        var maintenance = JsonDocument.Parse((await fixture.Admin.OkAsync("resources", "maintenance", id, "--reset-after", "8h", "--json")).Out).RootElement;
        Assert.Equal("maintenance", maintenance.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, maintenance.GetProperty("statusResetsAt").ValueKind);
        Assert.Contains("available", (await fixture.Admin.OkAsync("resources", "reset", id)).Out);
        await fixture.Admin.OkAsync("resources", "disable", id);
        Assert.Contains("disabled", (await fixture.Admin.OkAsync("resources", "status", id)).Out);
        await fixture.Admin.OkAsync("resources", "enable", id);
        Assert.Contains("available", (await fixture.Admin.OkAsync("resources", "status", id)).Out);
    }

    [Fact]
    public async Task Export_writes_every_resource_as_csv_in_the_import_format()
    {
        var name = "Desk, \"quoted\" " + Guid.NewGuid().ToString("N")[..6];
        await fixture.NewResourceAsync(name, tags: "desk,quiet");
        var file = Path.Combine(fixture.Admin.ConfigHome, "resources.csv");
        await fixture.Admin.OkAsync("resources", "export", "-o", file);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal("name,description,tags,capacity,timeZone,location,group,available", lines[0]);
        Assert.Contains($"\"{name.Replace("\"", "\"\"")}\",,\"desk,quiet\",1,UTC,,,true", lines);
        var stdout = (await fixture.Admin.OkAsync("resources", "export")).Out;
        Assert.StartsWith("name,description,tags", stdout);
    }

    [Fact]
    public async Task Delete_needs_yes_without_a_terminal_and_then_removes_the_resource()
    {
        var resource = await fixture.NewResourceAsync();
        var id = resource.GetProperty("id").GetString()!;
        (await fixture.Admin.RunAsync(["resources", "delete", id])).Expect(ExitCodes.Usage);
        await fixture.Admin.OkAsync("resources", "delete", id, "--yes");
        var gone = (await fixture.Admin.RunAsync(["resources", "show", id])).Expect(ExitCodes.Refused);
        Assert.Contains("resource_not_found", gone.Error);
    }

    [Fact]
    public async Task An_unknown_resource_name_is_refused_with_resource_not_found()
    {
        var result = (await fixture.Admin.RunAsync(["resources", "show", "No Such Room " + Guid.NewGuid()])).Expect(ExitCodes.Refused);
        Assert.Contains("resource_not_found", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task A_user_who_is_not_admin_is_refused_creating_a_resource_with_exit_2()
    {
        using var user = await fixture.NewUserAsync("notadmin");
        var result = (await user.RunAsync(["resources", "create", "Mine " + Guid.NewGuid()])).Expect(ExitCodes.Refused);
        Assert.Contains("forbidden", result.Error);
    }

    [Fact]
    public async Task Browsing_works_without_signing_in()
    {
        var resource = await fixture.NewResourceAsync();
        using var anonymous = new CliUser(fixture.Host.Url);
        var shown = await anonymous.OkAsync("resources", "show", resource.GetProperty("name").GetString()!);
        Assert.Contains(resource.GetProperty("id").GetString()!, shown.Out);
    }
}
