namespace ResourceReserver.BrowserTests.Fixtures;

/// <summary>Where the repository, the host's build output and the screenshot folder are.</summary>
public static class Paths
{
    /// <summary>The repository root (the folder with ResourceReserver.sln).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The host project, run as content root so its web assets resolve in Development.</summary>
    public static string HostProject => Path.Combine(RepoRoot, "src", "ResourceReserver.Host");

    /// <summary>The host built with this test assembly's configuration.</summary>
    public static string HostDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<configuration>/net10.0
            var dll = Path.Combine(HostProject, "bin", configuration, "net10.0", "ResourceReserver.Host.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the host first.", dll);
        }
    }

    /// <summary><c>.ci/work/screenshots</c>, where the tests leave screenshots for people to look at.</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(
        Environment.GetEnvironmentVariable("CI_WORK") ?? Path.Combine(RepoRoot, ".ci", "work"), "screenshots")).FullName;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResourceReserver.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("ResourceReserver.sln not found above " + AppContext.BaseDirectory);
    }
}
