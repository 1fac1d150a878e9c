namespace ResourceReserver.IntegrationTests.Cluster;

/// <summary>Locates the built host next to this test assembly (the project reference copies it here).</summary>
public static class HostAssembly
{
    /// <summary>The host's entry assembly.</summary>
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        var candidate = System.IO.Path.Combine(AppContext.BaseDirectory, "ResourceReserver.Host.dll");
        if (!File.Exists(candidate) || !File.Exists(System.IO.Path.Combine(AppContext.BaseDirectory, "ResourceReserver.Host.runtimeconfig.json")))
        {
            throw new FileNotFoundException("ResourceReserver.Host.dll and its runtimeconfig must be in the test output folder.", candidate);
        }

        return candidate;
    }
}
