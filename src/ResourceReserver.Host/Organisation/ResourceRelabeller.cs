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

    // Each retry follows a write someone else made to the same resource in between; a resource edited this
    // often is answered 503 (try again) rather than looped on forever.
    private const int MaxAttempts = 16;

    /// <summary>Applies <paramref name="change"/> to each resource's details; returns how many resources changed.</summary>
    /// <remarks>
    /// The patch is computed from the resource as read and applied only to that version
    /// (<see cref="ResourcePatch.ExpectedVersion"/>): a concurrent PATCH of the same resource's tags or labels is
    /// read again and kept, never overwritten by a list computed before it.
    /// </remarks>
    public async Task<int> ApplyAsync(IEnumerable<Guid> resourceIds, Actor actor, Func<ResourceDetails, ResourcePatch?> change, CancellationToken ct = default)
    {
        var changed = 0;
        await Parallel.ForEachAsync(resourceIds, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (id, _) =>
        {
            if (await ApplyOneAsync(grains.GetGrain<IResourceGrain>(id), actor, change))
            {
                Interlocked.Increment(ref changed);
            }
        });
        return changed;
    }

    private static async Task<bool> ApplyOneAsync(IResourceGrain grain, Actor actor, Func<ResourceDetails, ResourcePatch?> change)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await grain.GetAsync() is not { Deleted: false } resource || change(resource.Details) is not { } patch)
            {
                return false;
            }

            var outcome = await grain.UpdateAsync(patch with { ExpectedVersion = resource.Version }, actor);
            if (outcome.IsSuccess || outcome.Error!.Code != ProblemCode.Conflict.Value)
            {
                return outcome.IsSuccess;
            }
        }

        throw new TimeoutException("A resource kept changing while its tags or labels were being rewritten.");
    }
}
