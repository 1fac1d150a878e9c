using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Apis;
using ResourceReserver.Host.Organisation;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Resources;

namespace ResourceReserver.Host.Application;

/// <summary>Resources: administrators manage them, anyone may browse them. Used by the REST API and the web UI.</summary>
public sealed partial class ResourceService(IGrainFactory grains, SqlReadStore store, OrganisationReferences organisation)
{
    /// <summary>Creates a resource (administrators only); names are unique, case-insensitive.</summary>
    public async Task<Outcome<ResourceView>> CreateAsync(Actor actor, CreateResourceRequest request)
    {
        if (Caller.Require(actor, Permission.ResourcesManage) is { } forbidden)
        {
            return forbidden;
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return Refusal.Invalid("name", "The name is required.");
        }

        if (request.Rules?.RangeProblem() is { } rulesProblem)
        {
            return Refusal.Invalid("rules", rulesProblem);
        }

        if (request.Rules?.ApprovalProblem() is { } approvalProblem)
        {
            return Refusal.Invalid("rules", approvalProblem);
        }

        var (hours, blackouts, badField, badHours) = OpeningPeriodBody.Parse(request.BusinessHours, request.Blackouts);
        if (badField is not null)
        {
            return Refusal.Invalid(badField, badHours!);
        }

        var details = new ResourceDetails
        {
            BusinessHours = hours,
            Blackouts = blackouts ?? [],
            Name = request.Name,
            Description = request.Description,
            Tags = request.Tags ?? [],
            Capacity = request.Capacity ?? 1,
            TimeZone = request.TimeZone ?? "UTC",
            Attributes = request.Attributes ?? [],
            Location = request.Location,
            Rules = request.Rules?.ApplyTo(BookingRules.Default) ?? BookingRules.Default,
            GroupId = request.GroupId,
            Labels = request.Labels ?? [],
        };
        if (await organisation.CheckAsync(request.GroupId, request.Labels) is { } badReference)
        {
            return badReference;
        }

        if (ResourceDetailsValidator.Validate(ResourceDetailsValidator.Normalize(details)) is { } invalid)
        {
            return invalid;
        }

        var id = Guid.CreateVersion7();
        var names = grains.GetGrain<INameDirectoryGrain>(INameDirectoryGrain.ResourceNames);
        if (!(await names.ClaimAsync(details.Name, id)).Granted)
        {
            return NameTaken(details.Name);
        }

        var outcome = await grains.GetGrain<IResourceGrain>(id).CreateAsync(details, actor);
        if (!outcome.IsSuccess)
        {
            await names.ReleaseAsync(details.Name, id);
            return outcome.Error!;
        }

        return ResourceView.From(outcome.Value!);
    }

    /// <summary>Lists live resources, sorted by name, filtered and paginated.</summary>
    public async Task<Outcome<Page<ResourceView>>> ListAsync(ResourceQuery query, CancellationToken ct = default)
    {
        if (Paging.Limit(query.Limit) is not { } pageSize)
        {
            return Refusal.InvalidLimit();
        }

        if (query.Status is not null && !EnumText.TryParse<ResourceStatus>(query.Status, out _))
        {
            return Refusal.Invalid("status", "status must be available, disabled or maintenance.");
        }

        if (!Instants.TryParseOptional(query.AvailableFrom, out var from) || !Instants.TryParseOptional(query.AvailableUntil, out var until)
            || (from is null) != (until is null) || (from is not null && from >= until))
        {
            return Refusal.Invalid("availableFrom", "availableFrom and availableUntil go together, as ISO 8601 instants with from < until.");
        }

        if (query.Cursor is not null && !Cursor.TryDecode(query.Cursor, out _, out _))
        {
            return Refusal.Invalid("cursor", "Unknown cursor.");
        }

        if (OrganisationFilter.Parse(query) is not { } organisationFilter)
        {
            return OrganisationFilter.Explain(query);
        }

        var tagList = (query.Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant()).Distinct().Take(20).ToList();
        var q = query.Q?.Length > 200 ? query.Q[..200] : query.Q;
        var page = await store.ListResourcesAsync(
            organisationFilter.ApplyTo(new ResourceFilter(q, tagList, query.Status?.ToLowerInvariant(), from, until, pageSize, query.Cursor)), ct);
        return new Page<ResourceView>(page.Items.Select(ResourceView.From).ToList(), page.NextCursor);
    }

    /// <summary>Tags in use, most used first.</summary>
    public Task<IReadOnlyList<TagCount>> TagsAsync(CancellationToken ct = default) => store.GetTagCountsAsync(ct);

    /// <summary>Counts of live resources available now, in use and unavailable.</summary>
    public Task<AvailabilitySummary> SummaryAsync(CancellationToken ct = default) => store.GetAvailabilitySummaryAsync(DateTimeOffset.UtcNow, ct);

    /// <summary>One resource.</summary>
    public async Task<Outcome<ResourceView>> GetAsync(string id) =>
        Guid.TryParse(id, out var resourceId) && await grains.GetGrain<IResourceGrain>(resourceId).GetAsync() is { } resource
            ? ResourceView.From(resource)
            : NotFound(id);

    /// <summary>Deletes a resource (administrators only); its future reservations are cancelled and the name freed.</summary>
    public async Task<Outcome<ResourceView>> DeleteAsync(Actor actor, string id)
    {
        if (Caller.Require(actor, Permission.ResourcesManage) is { } forbidden)
        {
            return forbidden;
        }

        if (!Guid.TryParse(id, out var resourceId))
        {
            return NotFound(id);
        }

        var outcome = await grains.GetGrain<IResourceGrain>(resourceId).DeleteAsync(actor);
        if (!outcome.IsSuccess)
        {
            return outcome.Error!;
        }

        await grains.GetGrain<INameDirectoryGrain>(INameDirectoryGrain.ResourceNames).ReleaseAsync(outcome.Value!.Details.Name, resourceId);
        return ResourceView.From(outcome.Value);
    }

    internal static DomainError NotFound(string id) =>
        DomainError.NotFound(ProblemCode.ResourceNotFound, $"Resource '{(id.Length > 64 ? id[..64] + "…" : id)}' does not exist.");

    private static DomainError NameTaken(string name) => DomainError.Conflict(ProblemCode.NameTaken, $"A resource named '{name.Trim()}' already exists.");
}
