using ResourceReserver.Contracts;
using ResourceReserver.Grains;

namespace ResourceReserver.Host.Organisation;

/// <summary>
/// Changes the tags or labels of many resources, each through its own grain (so every change is a normal,
/// fenced resource update with its event). A few resources at a time, so large renames finish without
/// flooding the silo.
/// </summary>
public sealed class ResourceRelabeller(IGrainFactory grains)
{
    private const int Parallelism = 8;

    /// <summary>Applies <paramref name="change"/> to each resource's details; returns how many resources changed.</summary>
    public async Task<int> ApplyAsync(IEnumerable<Guid> resourceIds, Actor actor, Func<ResourceDetails, ResourcePatch?> change, CancellationToken ct = default)
    {
        var changed = 0;
        await Parallel.ForEachAsync(resourceIds, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (id, _) =>
        {
            var grain = grains.GetGrain<IResourceGrain>(id);
            if (await grain.GetAsync() is { } resource && change(resource.Details) is { } patch && (await grain.UpdateAsync(patch, actor)).IsSuccess)
            {
                Interlocked.Increment(ref changed);
            }
        });
        return changed;
    }
}
