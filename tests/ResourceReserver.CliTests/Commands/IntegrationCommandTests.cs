using System.Text.Json;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.CliTests.Fixtures;

namespace ResourceReserver.CliTests.Commands;

[Collection(CliCollection.Name)]
public sealed class IntegrationCommandTests(CliFixture fixture)
{
    private static readonly string Hook = $"http://127.0.0.1:{CliHostFactory.FreePort()}/rr";

    [Fact]
    public async Task Calendar_url_is_the_secret_feed_and_rotate_replaces_it()
    {
        using var user = await fixture.NewUserAsync("cal");
        var url = (await user.OkAsync("calendar", "url")).Out.Trim();
        Assert.Matches(@"/api/v1/calendar/feeds/[^/]+\.ics$", url);
        var rotated = JsonDocument.Parse((await user.OkAsync("calendar", "rotate", "--json")).Out).RootElement.GetProperty("url").GetString();
        Assert.NotEqual(url, rotated);
        Assert.Equal(rotated, (await user.OkAsync("calendar", "url")).Out.Trim());
    }

    [Fact]
    public async Task Webhooks_can_be_created_with_their_secret_shown_once_tested_listed_and_deleted()
    {
        var events = JsonDocument.Parse((await fixture.Admin.OkAsync("webhooks", "events", "--json")).Out).RootElement;
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("type").GetString() == "reservation.created");
        var created = await fixture.Admin.OkAsync("webhooks", "create", Hook, "--events", "reservation.created,reservation.cancelled");
        Assert.Contains("whsec_", created.Out);
        var list = JsonDocument.Parse((await fixture.Admin.OkAsync("webhooks", "list", "--json")).Out).RootElement.GetProperty("items");
        var hook = list.EnumerateArray().Single(h => h.GetProperty("url").GetString() == Hook);
        var id = hook.GetProperty("id").GetString()!;
        Assert.DoesNotContain("whsec_", (await fixture.Admin.OkAsync("webhooks", "list")).Out);
        var queued = JsonDocument.Parse((await fixture.Admin.OkAsync("webhooks", "test", id, "--json")).Out).RootElement;
        Assert.StartsWith("test_", queued.GetProperty("eventId").GetString());
        var deliveries = JsonDocument.Parse((await fixture.Admin.OkAsync("webhooks", "deliveries", id, "--json")).Out).RootElement.GetProperty("items");
        Assert.Contains(deliveries.EnumerateArray(), d => d.GetProperty("eventType").GetString() == "webhook.test");
        Assert.Contains("webhook.test", (await fixture.Admin.OkAsync("webhooks", "deliveries", id)).Out);
        await fixture.Admin.OkAsync("webhooks", "delete", id);
        (await fixture.Admin.RunAsync(["webhooks", "deliveries", id])).Expect(ExitCodes.Refused);
    }

    [Fact]
    public async Task Webhooks_are_for_administrators_only()
    {
        using var user = await fixture.NewUserAsync("nohooks");
        (await user.RunAsync(["webhooks", "list"])).Expect(ExitCodes.Refused);
    }

    [Fact]
    public async Task System_status_summary_and_config_describe_the_server()
    {
        using var anonymous = new CliUser(fixture.Host.Url);
        var health = JsonDocument.Parse((await anonymous.OkAsync("system", "status", "--json")).Out).RootElement;
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Contains("silo", (await anonymous.OkAsync("system", "status")).Out);
        var summary = (await anonymous.OkAsync("system", "summary", "--json")).Out.TrimEnd('\n');
        Assert.Equal(await fixture.Http.GetStringAsync("api/v1/resources/summary"), summary);
        Assert.Contains("available now", (await anonymous.OkAsync("system", "summary")).Out);
        var config = JsonDocument.Parse((await anonymous.OkAsync("system", "config", "--json")).Out).RootElement;
        Assert.Equal(fixture.Host.Url, config.GetProperty("server").GetString());
        Assert.Equal("RR_SERVER", config.GetProperty("source").GetString());
        Assert.True(config.GetProperty("api").GetProperty("operations").GetInt32() > 30);
    }

    [Fact]
    public async Task Config_set_server_is_used_when_neither_flag_nor_environment_says_otherwise()
    {
        using var user = new CliUser(fixture.Host.Url) { Server = "" };
        Assert.Contains("http://localhost:8080", (await user.OkAsync("config", "show")).Out);
        await user.OkAsync("config", "set", "server", fixture.Host.Url + "/");
        var shown = JsonDocument.Parse((await user.OkAsync("config", "show", "--json")).Out).RootElement;
        Assert.Equal(fixture.Host.Url, shown.GetProperty("server").GetString());
        Assert.EndsWith("config.json", shown.GetProperty("source").GetString());
        await user.OkAsync("system", "status");
        var flag = JsonDocument.Parse((await user.OkAsync("config", "show", "--server", "http://127.0.0.1:1", "--json")).Out).RootElement;
        Assert.Equal("--server", flag.GetProperty("source").GetString());
        (await user.RunAsync(["config", "set", "server", "ftp://nope"])).Expect(ExitCodes.Usage);
        (await user.RunAsync(["config", "set", "colour", "blue"])).Expect(ExitCodes.Usage);
    }

    [Fact]
    public async Task An_unreachable_server_exits_3()
    {
        using var user = new CliUser($"http://127.0.0.1:{CliHostFactory.FreePort()}");
        var result = (await user.RunAsync(["resources", "list"])).Expect(ExitCodes.Unreachable);
        Assert.Contains("cannot reach", result.Error);
    }

    [Fact]
    public async Task Completion_scripts_call_the_suggest_directive_which_completes_commands_and_options()
    {
        using var user = new CliUser(fixture.Host.Url);
        Assert.Contains("[suggest:", (await user.OkAsync("completion", "bash")).Out);
        Assert.Contains("compdef _rr_complete rr", (await user.OkAsync("completion", "zsh")).Out);
        var commands = (await user.OkAsync("[suggest:6]", "rr res")).Out;
        Assert.Contains("resources", commands.Split('\n', StringSplitOptions.TrimEntries));
        var options = (await user.OkAsync("[suggest:25]", "rr reservations list --up")).Out;
        Assert.Contains("--upcoming", options.Split('\n', StringSplitOptions.TrimEntries));
        (await user.RunAsync(["completion", "fish"])).Expect(ExitCodes.Usage);
    }
}
