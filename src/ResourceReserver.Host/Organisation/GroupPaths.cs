using ResourceReserver.Client.Contracts;

namespace ResourceReserver.Host.Organisation;

/// <summary>The group tree flattened to "Building A / Floor 2" paths in tree order, for pickers.</summary>
public static class GroupPaths
{
    /// <summary>Each group with its path from the top, parents before their children.</summary>
    public static List<(Guid Id, string Path)> Of(IEnumerable<GroupNodeView> tree)
    {
        var paths = new List<(Guid, string)>();
        void Walk(IEnumerable<GroupNodeView> nodes, string prefix)
        {
            foreach (var node in nodes)
            {
                var path = prefix.Length == 0 ? node.Name : $"{prefix} / {node.Name}";
                paths.Add((node.Id, path));
                Walk(node.Children, path);
            }
        }

        Walk(tree, "");
        return paths;
    }
}
