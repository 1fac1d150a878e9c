using ResourceReserver.Cli.Hosting;
using ResourceReserver.Client.Contracts;

namespace ResourceReserver.Cli.Commands;

/// <summary>Finds a group by id or by its path of names from the top (<c>"Building A/Floor 2"</c>, case-insensitive).</summary>
public static class GroupLookup
{
    /// <summary>The group's id, or a usage error naming what was not found.</summary>
    public static async Task<Guid> ResolveAsync(Invocation inv, string text)
    {
        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        var names = text.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw CliException.Usage("A group is an id or a path of names such as \"Building A/Floor 2\".");
        }

        IReadOnlyList<GroupNodeView> level = (await inv.Api.Organisation.TreeAsync(inv.Ct)).Value;
        GroupNodeView? found = null;
        foreach (var name in names)
        {
            found = level.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw CliException.Usage($"No group '{name}' in \"{text}\" (see rr groups tree).");
            level = found.Children;
        }

        return found!.Id;
    }

    /// <summary>Each group's path from the top, by id.</summary>
    public static Dictionary<Guid, string> Paths(IReadOnlyList<GroupNodeView> tree)
    {
        var paths = new Dictionary<Guid, string>();
        void Walk(IEnumerable<GroupNodeView> nodes, string prefix)
        {
            foreach (var node in nodes)
            {
                var path = prefix.Length == 0 ? node.Name : $"{prefix}/{node.Name}";
                paths[node.Id] = path;
                Walk(node.Children, path);
            }
        }

        Walk(tree, "");
        return paths;
    }
}
