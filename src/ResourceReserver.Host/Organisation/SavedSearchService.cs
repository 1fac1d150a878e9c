using System.Globalization;
using System.Text.Json;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Application;
using ResourceReserver.Infrastructure.Organisation;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Organisation;

/// <summary>Saved searches: each user keeps, runs and deletes their own; nobody sees another's.</summary>
public sealed class SavedSearchService(SavedSearchStore searches, ResourceService resources, TimeProvider clock)
{
    private const int MaxNameLength = 100, MaxListed = 20;

    /// <summary>Saves a search for the caller.</summary>
    public async Task<Outcome<SavedSearchView>> CreateAsync(Actor actor, CreateSavedSearchRequest request, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > MaxNameLength)
        {
            errors["name"] = [$"The name is required, at most {MaxNameLength} characters."];
        }

        if (request.Query is not { } query)
        {
            errors["query"] = ["The query is required (it may be empty: {})."];
        }
        else if (Problem(query) is { } problem)
        {
            errors[problem.Field] = [problem.Message];
        }

        if (errors.Count > 0)
        {
            return Refusal.Fields(errors);
        }

        var record = new SavedSearchRecord(Guid.CreateVersion7(), actor.UserId, request.Name!.Trim(), JsonSerializer.Serialize(request.Query, ReadStoreJson.Options), clock.GetUtcNow());
        return await searches.AddAsync(record, ct)
            ? ToView(record)
            : DomainError.Conflict(ProblemCode.SavedSearchLimit, $"You already keep {SavedSearchStore.MaxPerUser} saved searches; delete one first.");
    }

    /// <summary>The caller's saved searches, oldest first (at most <see cref="SavedSearchStore.MaxPerUser"/>, one page).</summary>
    public async Task<Page<SavedSearchView>> ListAsync(Actor actor, CancellationToken ct = default) =>
        new((await searches.ListAsync(actor.UserId, ct)).Select(ToView).ToList(), null);

    /// <summary>Deletes one of the caller's searches.</summary>
    public async Task<Outcome<bool>> DeleteAsync(Actor actor, string id, CancellationToken ct = default) =>
        Guid.TryParse(id, out var searchId) && await searches.DeleteAsync(actor.UserId, searchId, ct) ? true : NotFound(id);

    /// <summary>Runs one of the caller's searches: the resources it finds now, paginated like <c>GET /resources</c>.</summary>
    public async Task<Outcome<Page<ResourceView>>> RunAsync(Actor actor, string id, string? limit, string? cursor, CancellationToken ct = default)
    {
        if (!Guid.TryParse(id, out var searchId) || await searches.GetAsync(actor.UserId, searchId, ct) is not { } search)
        {
            return NotFound(id);
        }

        var q = ToView(search).Query;
        return await resources.ListAsync(new ResourceQuery(
            q.Q, q.Tags is { } tags ? string.Join(',', tags) : null, null, q.AvailableFrom?.ToString("O", CultureInfo.InvariantCulture), q.AvailableUntil?.ToString("O", CultureInfo.InvariantCulture), limit, cursor,
            q.GroupId?.ToString(), q.IncludeSubgroups?.ToString(), q.Labels is { } labels ? string.Join(',', labels) : null, q.MinCapacity?.ToString(CultureInfo.InvariantCulture)), ct);
    }

    private static (string Field, string Message)? Problem(SavedQuery query) => query switch
    {
        { Q.Length: > 200 } => ("query.q", "q has at most 200 characters."),
        { Tags.Count: > MaxListed } => ("query.tags", $"At most {MaxListed} tags."),
        { Labels.Count: > MaxListed } => ("query.labels", $"At most {MaxListed} labels."),
        { MinCapacity: < 1 } => ("query.minCapacity", "minCapacity is at least 1."),
        { IncludeSubgroups: true, GroupId: null } => ("query.includeSubgroups", "includeSubgroups needs groupId."),
        _ when (query.AvailableFrom is null) != (query.AvailableUntil is null) || query.AvailableFrom >= query.AvailableUntil =>
            ("query.availableFrom", "availableFrom and availableUntil go together, with from < until."),
        _ => null,
    };

    private static SavedSearchView ToView(SavedSearchRecord r) =>
        new(r.Id, r.Name, JsonSerializer.Deserialize<SavedQuery>(r.Query, ReadStoreJson.Options) ?? new SavedQuery(), r.CreatedAt);

    private static DomainError NotFound(string id) =>
        DomainError.NotFound(ProblemCode.SavedSearchNotFound, $"You have no saved search '{(id.Length > 64 ? id[..64] + "…" : id)}'.");
}
