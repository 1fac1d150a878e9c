using ResourceReserver.Infrastructure.Organisation;

namespace ResourceReserver.Host.Import;

/// <summary>Resolves the <c>group</c> cell of a CSV row: a group id, or a path of names from the top (<c>Building A/Floor 2</c>).</summary>
public sealed class GroupPaths(IReadOnlyList<GroupTreeNode> roots)
{
    private readonly HashSet<Guid> _ids = Flatten(roots).Select(g => g.Id).ToHashSet();

    /// <summary>The group's id, or the reason it names no group.</summary>
    public (Guid? Id, string? Problem) Resolve(string cell)
    {
        if (Guid.TryParse(cell, out var id))
        {
            return _ids.Contains(id) ? (id, null) : (null, $"No group has the id '{id}'.");
        }

        var level = roots;
        GroupTreeNode? found = null;
        foreach (var name in cell.Split('/', StringSplitOptions.TrimEntries))
        {
            var matches = level.Where(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (matches.Count != 1)
            {
                return (null, matches.Count == 0
                    ? $"No group '{name}' {(found is null ? "at the top level" : $"inside '{found.Name}'")} (path '{cell}')."
                    : $"Several groups are named '{name}' there; use the group's id.");
            }

            found = matches[0];
            level = found.Children;
        }

        return (found!.Id, null);
    }

    private static IEnumerable<GroupTreeNode> Flatten(IEnumerable<GroupTreeNode> nodes) => nodes.SelectMany(n => Flatten(n.Children).Prepend(n));
}
