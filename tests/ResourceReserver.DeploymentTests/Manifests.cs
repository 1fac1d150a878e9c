using YamlDotNet.RepresentationModel;

namespace ResourceReserver.DeploymentTests;

/// <summary>Reads the repository's deployment files as plain YAML trees (no engine, no cluster).</summary>
public static class Manifests
{
    /// <summary>The repository root, found by walking up to the solution file.</summary>
    public static string Root { get; } = FindRoot();

    public static string Text(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>Every k8s document under k8s/, keyed by kind.</summary>
    public static Dictionary<string, YamlMappingNode> Kubernetes()
    {
        var documents = new Dictionary<string, YamlMappingNode>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "k8s"), "*.yaml"))
        {
            foreach (var document in Load(file))
            {
                if (document.Children.ContainsKey("kind") && document.Children.ContainsKey("metadata"))
                {
                    documents[document.Str("kind")] = document;
                }
            }
        }

        return documents;
    }

    /// <summary>docker-compose.yml with its <c>&lt;&lt;: *anchor</c> merge keys expanded, later keys winning, as compose does.</summary>
    public static YamlMappingNode Compose() => Merge(Load(Path.Combine(Root, "docker-compose.yml")).Single());

    private static YamlMappingNode Merge(YamlMappingNode node)
    {
        var merged = new YamlMappingNode();
        var mergeKey = new YamlScalarNode("<<");
        if (node.Children.TryGetValue(mergeKey, out var inherited) && inherited is YamlMappingNode baseNode)
        {
            foreach (var (key, value) in Merge(baseNode).Children)
            {
                merged.Children[key] = value;
            }
        }

        foreach (var (key, value) in node.Children.Where(c => !c.Key.Equals(mergeKey)))
        {
            merged.Children[key] = value is YamlMappingNode mapping ? Merge(mapping) : value;
        }

        return merged;
    }

    public static YamlMappingNode Map(this YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[key];

    public static YamlSequenceNode Seq(this YamlNode node, string key) => (YamlSequenceNode)((YamlMappingNode)node).Children[key];

    public static string Str(this YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node).Children[key]).Value!;

    public static bool Has(this YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(key);

    private static IEnumerable<YamlMappingNode> Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ResourceReserver.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("ResourceReserver.sln not found above the test output.");
    }
}
