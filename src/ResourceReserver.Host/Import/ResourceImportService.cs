using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Application;
using ResourceReserver.Infrastructure.Organisation;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Import;

/// <summary>
/// Imports resources from CSV, all or nothing. Every row is read and checked first (<see cref="ImportPlanner"/>);
/// nothing is written unless all pass. Then the new names are claimed in the name directory in one stored change
/// (all or none), and the resources are created and updated through their grains, many at once. A crash in that last
/// step leaves claimed names whose resources may not exist yet: importing the same file again finishes the job,
/// because a claimed name without a resource is created under the id that holds the claim (see docs/architecture.md).
/// </summary>
public sealed class ResourceImportService(IGrainFactory grains, SqlReadStore store, GroupStore groups, ILogger<ResourceImportService> logger)
{
    private const int Parallelism = 64;

    /// <summary>Reads and checks a file; writes nothing.</summary>
    public async Task<Outcome<ImportPlan>> PlanAsync(Actor actor, Stream content, CancellationToken ct)
    {
        if (Caller.Require(actor, Permission.ResourcesManage) is { } forbidden)
        {
            return forbidden;
        }

        var sheet = await ResourceCsv.ReadAsync(content, ct);
        var existing = await LiveResourcesAsync(ct);
        return ImportPlanner.Plan(sheet, existing, new GroupPaths(await groups.TreeAsync(ct)));
    }

    /// <summary>Applies a plan without errors: claims the new names, then creates and updates.</summary>
    public async Task<ImportAnswer> ApplyAsync(Actor actor, ImportPlan plan)
    {
        if (plan.Errors.Count > 0)
        {
            return new ImportAnswer(Refused: plan.ToPreview());
        }

        var (ids, clashes, contention) = await ClaimNamesAsync(plan);
        if (clashes.Count > 0)
        {
            return new ImportAnswer(Refused: plan.ToPreview() with { Errors = clashes });
        }

        if (contention is not null)
        {
            return new ImportAnswer(Failed: contention);
        }

        var failures = 0;
        var operations = plan.Creates.Select((c, i) => (Func<Task<bool>>)(() => CreateAsync(ids[i], c, actor)))
            .Concat(plan.Updates.Select(u => (Func<Task<bool>>)(() => UpdateAsync(u, actor))));

        // Not cancelled with the request: once claims are made, finishing is what keeps the import whole.
        await Parallel.ForEachAsync(operations, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (operation, _) =>
        {
            if (!await operation())
            {
                Interlocked.Increment(ref failures);
            }
        });
        if (failures > 0)
        {
            return new ImportAnswer(Failed: new DomainError(ErrorKind.Unavailable, ProblemCode.StorageUnavailable,
                $"{failures} of {plan.Creates.Count + plan.Updates.Count} rows could not be stored; import the same file again to finish."));
        }

        return new ImportAnswer(Done: new ImportResult(plan.Creates.Count, plan.Updates.Count));
    }

    /// <summary>
    /// Claims every new name for a fresh id in one directory change. A name the directory already gives to an id that
    /// has no live resource (a claim left by an interrupted import, or a creation in flight) is created under that id:
    /// the grain of one id creates one resource, so this can never make two.
    /// </summary>
    private async Task<(Guid[] Ids, IReadOnlyList<ImportRowError> Clashes, DomainError? Contention)> ClaimNamesAsync(ImportPlan plan)
    {
        var ids = plan.Creates.Select(_ => Guid.CreateVersion7()).ToArray();
        var directory = grains.GetGrain<INameDirectoryGrain>(INameDirectoryGrain.ResourceNames);
        // Each refused attempt adopts the owners it met, so it ends unless single creates keep claiming names of this file.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var taken = await directory.ClaimAllAsync(plan.Creates.Select((c, i) => new NameOwner(c.Details.Name, ids[i])).ToList());
            if (taken.Count == 0)
            {
                return (ids, [], null);
            }

            var owners = taken.ToDictionary(t => ImportPlanner.NameKey(t.Name), t => t.OwnerId);
            var live = await LiveResourcesAsync(CancellationToken.None);
            var clashes = new List<ImportRowError>();
            for (var i = 0; i < ids.Length; i++)
            {
                if (owners.TryGetValue(ImportPlanner.NameKey(plan.Creates[i].Details.Name), out var owner))
                {
                    if (live.ContainsKey(ImportPlanner.NameKey(plan.Creates[i].Details.Name)))
                    {
                        clashes.Add(new ImportRowError(plan.Creates[i].Row, "name", $"A resource named '{plan.Creates[i].Details.Name}' was created meanwhile; import the file again to update it."));
                    }

                    ids[i] = owner;
                }
            }

            if (clashes.Count > 0)
            {
                return (ids, clashes, null);
            }
        }

        return (ids, [], new DomainError(ErrorKind.Unavailable, ProblemCode.StorageContention, "The resource names kept changing during the import; try again."));
    }

    private async Task<bool> CreateAsync(Guid id, PlannedCreate create, Actor actor)
    {
        var resource = grains.GetGrain<IResourceGrain>(id);
        var outcome = await resource.CreateAsync(create.Details, actor);
        if (outcome.Error?.Code == ProblemCode.ResourceExists.Value)
        {
            // Another import created this name under the same claimed id meanwhile: this file's values still win.
            outcome = await resource.UpdateAsync(AsPatch(create.Details), actor);
        }

        if (!outcome.IsSuccess)
        {
            logger.LogWarning("Import row {Row}: creating '{Name}' failed: {Code} {Message}", create.Row, create.Details.Name, outcome.Error!.Code, outcome.Error.Message);
            return false;
        }

        return create.Available || (await resource.SetStatusAsync(ResourceStatus.Disabled, null, actor)).IsSuccess;
    }

    private static ResourcePatch AsPatch(ResourceDetails details) => new()
    {
        Name = details.Name,
        Description = details.Description ?? "",
        Tags = details.Tags,
        Capacity = details.Capacity,
        TimeZone = details.TimeZone,
        Location = details.Location ?? "",
        GroupId = details.GroupId,
        ClearGroup = details.GroupId is null,
    };

    private async Task<bool> UpdateAsync(PlannedUpdate update, Actor actor)
    {
        var resource = grains.GetGrain<IResourceGrain>(update.Current.Id);
        if (update.Patch is { } patch && await resource.UpdateAsync(patch, actor) is { IsSuccess: false } refused)
        {
            logger.LogWarning("Import row {Row}: updating '{Name}' failed: {Code} {Message}", update.Row, update.Current.Details.Name, refused.Error!.Code, refused.Error.Message);
            return false;
        }

        return update.Status is not { } status || (await resource.SetStatusAsync(status, null, actor)).IsSuccess;
    }

    private async Task<Dictionary<string, ResourceSnapshot>> LiveResourcesAsync(CancellationToken ct)
    {
        var live = new Dictionary<string, ResourceSnapshot>(StringComparer.Ordinal);
        await foreach (var resource in ResourcePages.AllAsync(store, ct))
        {
            live[ImportPlanner.NameKey(resource.Details.Name)] = resource;
        }

        return live;
    }
}

/// <summary>How an import ended: done, refused with the problems (nothing written), or failed part-way (a re-run finishes it).</summary>
public sealed record ImportAnswer(ImportResult? Done = null, ImportPreview? Refused = null, DomainError? Failed = null);
