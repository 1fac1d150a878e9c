using System.Text.Json;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.CliTests.Fixtures;

namespace ResourceReserver.CliTests.Commands;

/// <summary><c>rr audit</c> against a real host: list with filters, export to a file and to stdout, stats, own activity, refusals.</summary>
[Collection(CliCollection.Name)]
public sealed class AuditCommandTests(CliFixture fixture)
{
    [Fact]
    public async Task An_auditor_lists_with_filters_exports_and_counts()
    {
        using var user = await fixture.NewUserAsync("audcli");
        var userId = JsonDocument.Parse(await fixture.GetAsync(user, "api/v1/users/me")).RootElement.GetProperty("id").GetString()!;

        var listed = JsonDocument.Parse((await fixture.Admin.OkAsync("audit", "list", "--actor", userId, "--action", "user.*", "--json")).Out).RootElement;
        var created = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.Equal("user.created", created.GetProperty("action").GetString());
        Assert.Equal(userId, created.GetProperty("entityId").GetString());
        Assert.False(string.IsNullOrEmpty(created.GetProperty("ip").GetString()));
        var human = (await fixture.Admin.OkAsync("audit", "list", "--actor", userId, "--outcome", "success", "--all")).Out;
        Assert.Contains("user.created", human);
        Assert.Contains("auth.sign_in", human);

        var file = Path.Combine(user.ConfigHome, "audit.csv");
        var done = await fixture.Admin.OkAsync("audit", "export", "--actor", userId, "-o", file);
        Assert.Contains("exported", done.Error + done.Out);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal("id,at,actorId,actorName,action,entityType,entityId,outcome,ip,userAgent,detail", lines[0]);
        Assert.Contains(lines, l => l.Contains("user.created") && l.Contains(userId));
        Assert.False(File.Exists(file + ".partial"));

        var json = JsonDocument.Parse((await fixture.Admin.OkAsync("audit", "export", "--actor", userId, "--format", "json")).Out).RootElement;
        Assert.Equal(lines.Length - 1, json.GetArrayLength());

        var stats = JsonDocument.Parse((await fixture.Admin.OkAsync("audit", "stats", "--from", "today 00:00", "--json")).Out).RootElement;
        Assert.True(stats.GetProperty("total").GetInt64() >= 2);
        Assert.Contains("By action", (await fixture.Admin.OkAsync("audit", "stats")).Out);
    }

    [Fact]
    public async Task Everyone_sees_their_own_activity_but_only_an_auditor_reads_the_log()
    {
        using var user = await fixture.NewUserAsync("audself");
        var mine = JsonDocument.Parse((await user.OkAsync("audit", "activity", "--json")).Out).RootElement.GetProperty("items");
        Assert.Contains(mine.EnumerateArray(), e => e.GetProperty("action").GetString() == "auth.sign_in");
        Assert.Contains("user.created", (await user.OkAsync("audit", "activity", "--action", "user.*")).Out);

        (await user.RunAsync(["audit", "list"])).Expect(ExitCodes.Refused);
        (await user.RunAsync(["audit", "stats"])).Expect(ExitCodes.Refused);
        var file = Path.Combine(user.ConfigHome, "refused.csv");
        (await user.RunAsync(["audit", "export", "-o", file])).Expect(ExitCodes.Refused);
        Assert.False(File.Exists(file) || File.Exists(file + ".partial"));
        Assert.Contains(JsonDocument.Parse((await user.OkAsync("audit", "activity", "--json")).Out).RootElement.GetProperty("items").EnumerateArray(),
            e => e.GetProperty("action").GetString() == "access.denied");
    }

    [Fact]
    public async Task Bad_filters_are_usage_errors_or_refusals_naming_the_field()
    {
        (await fixture.Admin.RunAsync(["audit", "list", "--outcome", "maybe"])).Expect(ExitCodes.Usage);
        (await fixture.Admin.RunAsync(["audit", "list", "--actor", "bob"])).Expect(ExitCodes.Usage);
        (await fixture.Admin.RunAsync(["audit", "export", "--format", "xml"])).Expect(ExitCodes.Usage);
        (await fixture.Admin.RunAsync(["audit", "list", "--from", "the day before"])).Expect(ExitCodes.Usage);
        var refused = (await fixture.Admin.RunAsync(["audit", "list", "--action", "NOT AN ACTION"])).Expect(ExitCodes.Refused);
        Assert.Contains("validation_failed", refused.Error);
    }
}
