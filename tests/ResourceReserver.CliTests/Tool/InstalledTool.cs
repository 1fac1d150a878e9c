using System.Text.RegularExpressions;

namespace ResourceReserver.CliTests.Tool;

/// <summary>
/// <c>rr</c> as a user gets it: the README's install lines run in bash (<c>dotnet pack</c>, then
/// <c>dotnet tool install</c> from the local package). Two mechanical rewrites keep the test off the machine's global
/// state: <c>./nupkg</c> becomes a temp folder and <c>--global</c> becomes <c>--tool-path</c> into another.
/// </summary>
public sealed partial class InstalledTool : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("rr-tool-").FullName;

    /// <summary>The repository root (where README.md is).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The folder holding the installed <c>rr</c>.</summary>
    public string ToolPath => Path.Combine(_root, "tools");

    /// <summary>Lines of the fenced bash block after <c>&lt;!-- {marker}</c> in the README.</summary>
    public static IReadOnlyList<string> ReadmeBlock(string marker)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        var match = Regex.Match(readme, $@"<!-- {Regex.Escape(marker)}[^>]*-->\s*```bash\n(?<body>.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, $"README.md has no bash block marked {marker}");
        return match.Groups["body"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Environment for running the installed tool.</summary>
    public Dictionary<string, string> Environment(string server, string configHome) => new()
    {
        ["PATH"] = $"{ToolPath}:{System.Environment.GetEnvironmentVariable("PATH")}",
        ["DOTNET_ROOT"] = Path.GetDirectoryName(System.Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "/usr/share/dotnet/dotnet")!,
        ["XDG_CONFIG_HOME"] = configHome,
        ["RR_SERVER"] = server,
        ["NO_COLOR"] = "1",
        ["TZ"] = "Europe/Paris",
    };

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        foreach (var line in ReadmeBlock("rr-install"))
        {
            var rewritten = line.Replace("./nupkg", Path.Combine(_root, "nupkg"), StringComparison.Ordinal)
                .Replace("--global", $"--tool-path {ToolPath}", StringComparison.Ordinal);
            var (exit, output, error) = await ShellRun.RunAsync(rewritten, RepositoryRoot, environment);
            Assert.True(exit == 0, $"{rewritten}\nexit {exit}\n{output}\n{error}");
        }

        Assert.True(File.Exists(Path.Combine(ToolPath, "rr")), "dotnet tool install put no rr command in the tool path");
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ResourceReserver.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (ResourceReserver.sln) is not above the test folder.");
    }
}
