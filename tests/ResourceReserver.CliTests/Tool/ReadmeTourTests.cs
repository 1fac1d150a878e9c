using System.Text.Json;
using ResourceReserver.CliTests.Fixtures;

namespace ResourceReserver.CliTests.Tool;

/// <summary>
/// The README's install and five-minute tour, line by line, with the installed tool in bash against a host of its own
/// (the tour signs in as the first account, the administrator). The lines come from the README, so they cannot drift.
/// </summary>
public sealed class ReadmeTourTests(InstalledTool tool) : IClassFixture<InstalledTool>, IAsyncLifetime
{
    private readonly CliHostFactory _host = new();
    private readonly string _configHome = Directory.CreateTempSubdirectory("rr-tour-").FullName;

    public async Task InitializeAsync()
    {
        using var admin = new CliUser(_host.Url);
        (await admin.RunAsync(["auth", "register", "--username", "admin", "--password-stdin"], CliFixture.Password + "\n")).Expect(0);
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        Directory.Delete(_configHome, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Every_line_of_the_readme_tour_runs_with_the_installed_tool()
    {
        var environment = tool.Environment(_host.Url, _configHome);
        var lines = InstalledTool.ReadmeBlock("rr-tour");
        Assert.True(lines.Count >= 6, "the tour is shorter than expected");
        var transcript = new List<string>();
        foreach (var line in lines)
        {
            var (exit, output, error) = await ShellRun.RunAsync(line, _configHome, environment);
            transcript.Add($"$ {line}\n{output}{error}");
            Assert.True(exit == 0, $"{line}\nexit {exit}\n{output}\n{error}\n--- so far ---\n{string.Join('\n', transcript)}");
        }

        var all = string.Join('\n', transcript);
        Assert.Contains("Signed in to", all);
        Assert.Contains("Room 101", transcript[Index(lines, "rr resources search")]);
        Assert.Contains("14:00–16:00 CET", transcript[Index(lines, "rr reserve")]);
        Assert.Contains("Planning", transcript[Index(lines, "rr upcoming")]);
        Assert.Contains("cancelled", transcript[Index(lines, "rr reservations cancel")]);

        var after = await ShellRun.RunAsync("rr upcoming --json", _configHome, environment);
        Assert.Equal(0, JsonDocument.Parse(after.Out).RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_installed_tool_keeps_the_exit_code_contract()
    {
        var environment = tool.Environment(_host.Url, _configHome + "-anonymous");
        Assert.Equal(0, (await ShellRun.RunAsync("rr --help", _configHome, environment)).ExitCode);
        Assert.Equal(1, (await ShellRun.RunAsync("rr reservations frobnicate", _configHome, environment)).ExitCode);
        Assert.Equal(4, (await ShellRun.RunAsync("rr upcoming", _configHome, environment)).ExitCode);
        Assert.Equal(2, (await ShellRun.RunAsync("rr resources show 'No such room'", _configHome, environment)).ExitCode);
        var unreachable = await ShellRun.RunAsync($"rr resources list --server http://127.0.0.1:{CliHostFactory.FreePort()}", _configHome, environment);
        Assert.Equal(3, unreachable.ExitCode);
        var suggestions = await ShellRun.RunAsync("rr '[suggest:9]' 'rr reser'", _configHome, environment);
        Assert.Contains("reservations", suggestions.Out);
    }

    private static int Index(IReadOnlyList<string> lines, string prefix) =>
        lines.Select((line, i) => (line, i)).First(x => x.line.StartsWith(prefix, StringComparison.Ordinal)).i;
}
