using ResourceReserver.Contracts;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Import;

/// <summary>Every live resource of the read store, by name, a page at a time (for import matching and export).</summary>
public static class ResourcePages
{
    private const int PageSize = 500;

    /// <summary>All live resources, sorted by name.</summary>
    public static async IAsyncEnumerable<ResourceSnapshot> AllAsync(SqlReadStore store, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? cursor = null;
        do
        {
            var page = await store.ListResourcesAsync(new ResourceFilter(null, [], null, null, null, PageSize, cursor), ct);
            foreach (var resource in page.Items)
            {
                yield return resource;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }
}
