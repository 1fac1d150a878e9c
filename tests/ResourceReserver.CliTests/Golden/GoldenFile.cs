using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace ResourceReserver.CliTests.Golden;

/// <summary>
/// Compares rendered output with a file kept beside this class. Ids are replaced by a placeholder of the same length,
/// so tables keep their layout. <c>RR_UPDATE_GOLDEN=1</c> rewrites the files instead (review the diff before committing).
/// </summary>
public static partial class GoldenFile
{
    /// <summary>Asserts <paramref name="actual"/> matches <c>Golden/{name}.txt</c>.</summary>
    public static void Match(string name, string actual, [CallerFilePath] string caller = "")
    {
        var normalized = Ids().Replace(actual.Replace("\r\n", "\n"), "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
        var path = Path.Combine(Path.GetDirectoryName(caller)!, name + ".txt");
        if (Environment.GetEnvironmentVariable("RR_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, normalized);
            return;
        }

        var copied = Path.Combine(AppContext.BaseDirectory, "Golden", name + ".txt");
        var expected = File.ReadAllText(File.Exists(path) ? path : copied).Replace("\r\n", "\n");
        Assert.Equal(expected, normalized);
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Ids();
}
