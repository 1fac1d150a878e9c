using System.Runtime.CompilerServices;
using System.Text.Json;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.CliTests.Fixtures;
using ResourceReserver.CliTests.Golden;

namespace ResourceReserver.CliTests.Commands;

/// <summary>
/// <c>rr approvals</c> and booking a resource that requires approval: a member's request waits, its listed approver
/// lists, approves and rejects, and everyone else is refused with the API's codes and the contract's exit codes.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class ApprovalCommandTests(CliFixture fixture)
{
    [Fact]
    public async Task A_request_waits_for_its_approver_who_lists_approves_and_rejects_it()
    {
        using var approver = await RegisterAsync("approver_golden");
        using var member = await RegisterAsync("member_golden");
        var approverId = JsonDocument.Parse(await fixture.GetAsync(approver, "api/v1/users/me")).RootElement.GetProperty("id").GetString()!;
        await fixture.PostAsAdminAsync("api/v1/resources", new
        {
            name = "Golden Approval Room",
            timeZone = "Europe/Paris",
            rules = new { maxHorizonDays = 3650, requiresApproval = true, approvers = new[] { approverId } },
        });

        var waiting = await member.OkAsync("reserve", "Golden Approval Room", "2030-03-30 10:00", "2h", "--title", "Offsite");
        Assert.Contains("waiting for approval", waiting.Out);
        Assert.Contains("Waiting for approval: the time is held for you until an approver decides", waiting.Out);
        Assert.Contains("pending_approval", waiting.Out);
        var second = JsonDocument.Parse((await member.OkAsync("reservations", "create", "Golden Approval Room", "2030-04-01 10:00", "90m", "--title", "Workshop", "--json")).Out).RootElement;
        Assert.Equal("pending_approval", second.GetProperty("status").GetString());
        var rejectedId = second.GetProperty("id").GetString()!;

        var listed = await approver.OkAsync("approvals", "list");
        Assert.Contains("member_golden", listed.Out);
        Assert.Contains("Golden Approval Room", listed.Out);
        Assert.Contains("Sat 2030-03-30 10:00–12:00 CET", listed.Out);
        var json = (await approver.OkAsync("approvals", "list", "--json")).Out.TrimEnd('\n');
        Assert.Equal(await fixture.GetAsync(approver, "api/v1/approvals?limit=100"), json);
        var items = JsonDocument.Parse(json).RootElement.GetProperty("items");
        Assert.Equal(2, items.GetArrayLength());
        var approvedId = items[0].GetProperty("id").GetString()!;

        // Only the listed approver (and administrators) decide; a rejection needs a message.
        var refused = (await member.RunAsync(["approvals", "approve", approvedId])).Expect(ExitCodes.Refused);
        Assert.Contains("forbidden", refused.Error);
        (await approver.RunAsync(["approvals", "reject", rejectedId])).Expect(ExitCodes.Usage);
        (await approver.RunAsync(["approvals", "approve", "not-an-id"])).Expect(ExitCodes.Usage);

        var approved = await approver.OkAsync("approvals", "approve", approvedId, "--message", "Enjoy");
        Assert.Contains("approved", approved.Out);
        Assert.Contains("confirmed", approved.Out);
        Assert.Contains("Enjoy", approved.Out);
        var rejected = JsonDocument.Parse((await approver.OkAsync("approvals", "reject", rejectedId, "--message", "Closed for works", "--json")).Out).RootElement;
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("Closed for works", rejected.GetProperty("decisionMessage").GetString());
        var again = (await approver.RunAsync(["approvals", "approve", rejectedId])).Expect(ExitCodes.Refused);
        Assert.Contains("not_pending_approval", again.Error);
        (await approver.RunAsync(["approvals", "list", "--status", "maybe"])).Expect(ExitCodes.Usage);

        GoldenFile.Match("approvals-list", (await approver.OkAsync("approvals", "list", "--status", "approved")).Out
            + (await approver.OkAsync("approvals", "list", "--status", "rejected")).Out, GoldenBeside());
        Assert.Contains("none", (await approver.OkAsync("approvals", "list")).Out);
    }

    [Fact]
    public async Task The_list_pages_with_limit_and_all_follows_the_cursor_to_the_end()
    {
        using var approver = await RegisterAsync("approver_pages");
        using var member = await RegisterAsync("member_pages");
        var approverId = JsonDocument.Parse(await fixture.GetAsync(approver, "api/v1/users/me")).RootElement.GetProperty("id").GetString()!;
        await fixture.PostAsAdminAsync("api/v1/resources", new
        {
            name = "Paged Approval Room",
            capacity = 5,
            rules = new { maxHorizonDays = 3650, requiresApproval = true, approvers = new[] { approverId } },
        });
        foreach (var hour in new[] { "09:00", "11:00", "13:00" })
        {
            await member.OkAsync("reserve", "Paged Approval Room", $"2030-05-06 {hour}", "1h");
        }

        // A page holds the stored page's requests this approver may decide, so other tests' requests may make it shorter.
        var first = await approver.OkAsync("approvals", "list", "--limit", "2");
        Assert.Contains("More requests exist: add --all", first.Out + first.Error);
        var page = JsonDocument.Parse((await approver.OkAsync("approvals", "list", "--limit", "2", "--json")).Out).RootElement;
        Assert.InRange(page.GetProperty("items").GetArrayLength(), 0, 2);
        Assert.Equal(JsonValueKind.String, page.GetProperty("nextCursor").ValueKind);

        var all = await approver.OkAsync("approvals", "list", "--limit", "2", "--all");
        Assert.Equal(3, all.Out.Split("Paged Approval Room").Length - 1);
        Assert.DoesNotContain("More requests exist", all.Out + all.Error);
        var every = JsonDocument.Parse((await approver.OkAsync("approvals", "list", "--limit", "2", "--all", "--json")).Out).RootElement;
        Assert.Equal(3, every.GetProperty("items").EnumerateArray().Count(r => r.GetProperty("resourceName").GetString() == "Paged Approval Room"));
        Assert.Equal(JsonValueKind.Null, every.GetProperty("nextCursor").ValueKind);
        (await approver.RunAsync(["approvals", "list", "--limit", "0"])).Expect(ExitCodes.Refused);
    }

    // The golden files live in Golden/ with the others.
    private static string GoldenBeside([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "..", "Golden", "GoldenFile.cs");

    private async Task<CliUser> RegisterAsync(string username)
    {
        var user = new CliUser(fixture.Host.Url);
        (await user.RunAsync(["auth", "register", "--username", username, "--password-stdin"], CliFixture.Password + "\n")).Expect(ExitCodes.Ok);
        return user;
    }
}
