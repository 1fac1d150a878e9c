using System.Text.RegularExpressions;

namespace ResourceReserver.DeploymentTests;

/// <summary>The few facts of the Dockerfile the manifests must agree with.</summary>
public static class Dockerfile
{
    private static readonly string Text = Manifests.Text("Dockerfile");

    /// <summary>The ports after EXPOSE.</summary>
    public static string[] Expose => Regex.Match(Text, @"^EXPOSE (.+)$", RegexOptions.Multiline).Groups[1].Value.Split(' ');

    /// <summary>A value set by ENV (multi-line ENV with backslashes included).</summary>
    public static string Env(string name) => Regex.Match(Text, $@"\b{Regex.Escape(name)}=(\S+)").Groups[1].Value;

    public static string Entrypoint => Regex.Match(Text, @"^ENTRYPOINT (.+)$", RegexOptions.Multiline).Groups[1].Value;
}
