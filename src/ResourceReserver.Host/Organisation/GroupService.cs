using ResourceReserver.Client.Contracts;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Apis;
using ResourceReserver.Host.Application;
using ResourceReserver.Infrastructure.Organisation;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Organisation;

/// <summary>Groups of resources (buildings, floors, areas): resource managers shape the tree, anyone may read it.</summary>
public sealed class GroupService(GroupStore groups)
{
    private const int MaxNameLength = 200, MaxDescriptionLength = 2000;

    /// <summary>Creates a group.</summary>
    public async Task<Outcome<GroupView>> CreateAsync(Actor actor, CreateGroupRequest request)
    {
        if (Caller.Require(actor, Permission.ResourcesManage) is { } forbidden)
        {
            return forbidden;
        }

        if (Validate(request.Name, request.Kind, request.Description, nameRequired: true) is { } invalid)
        {
            return invalid;
        }

        return View(await groups.CreateAsync(request.Name!.Trim(), request.Kind?.ToLowerInvariant() ?? "other", request.ParentId, request.Description));
    }

    /// <summary>Renames, re-kinds, describes or moves a group (409 <c>group_cycle</c> under its own subtree).</summary>
    public async Task<Outcome<GroupView>> UpdateAsync(Actor actor, string id, UpdateGroupRequest request)
    {
        if (Caller.Require(actor, Permission.ResourcesManage) is { } forbidden)
        {
            return forbidden;
        }

        if (!Guid.TryParse(id, out var groupId))
        {
            return NotFound(id);
        }

        if (Validate(request.Name, request.Kind, request.Description, nameRequired: false) is { } invalid)
        {
            return invalid;
        }

        if (request.ToRoot == true && request.ParentId is not null)
        {
            return Refusal.Invalid("toRoot", "Give either parentId or toRoot, not both.");
        }

        var change = new GroupChange(request.Name?.Trim(), request.Kind?.ToLowerInvariant(), request.ParentId, request.ToRoot == true, request.Description);
        return View(await groups.UpdateAsync(groupId, change));
    }

    /// <summary>Deletes an empty group (409 <c>group_not_empty</c> otherwise).</summary>
    public async Task<Outcome<GroupView>> DeleteAsync(Actor actor, string id)
    {
        if (Caller.Require(actor, Permission.ResourcesManage) is { } forbidden)
        {
            return forbidden;
        }

        return Guid.TryParse(id, out var groupId) ? View(await groups.DeleteAsync(groupId)) : NotFound(id);
    }

    /// <summary>One group.</summary>
    public async Task<Outcome<GroupView>> GetAsync(string id) =>
        Guid.TryParse(id, out var groupId) && await groups.GetAsync(groupId) is { } group ? ToView(group) : NotFound(id);

    /// <summary>Groups by name, paginated.</summary>
    public async Task<Outcome<Page<GroupView>>> ListAsync(string? limit, string? cursor, CancellationToken ct = default)
    {
        if (Paging.Limit(limit) is not { } pageSize)
        {
            return Refusal.InvalidLimit();
        }

        if (cursor is not null && !Cursor.TryDecode(cursor, out _, out _))
        {
            return Refusal.Invalid("cursor", "Unknown cursor.");
        }

        var page = await groups.ListAsync(pageSize, cursor, ct);
        return new Page<GroupView>(page.Items.Select(ToView).ToList(), page.NextCursor);
    }

    /// <summary>The nested tree with resource counts.</summary>
    public async Task<IReadOnlyList<GroupNodeView>> TreeAsync(CancellationToken ct = default) =>
        (await groups.TreeAsync(ct)).Select(ToNode).ToList();

    private static DomainError? Validate(string? name, string? kind, string? description, bool nameRequired)
    {
        var errors = new Dictionary<string, string[]>();
        if ((nameRequired || name is not null) && (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength || name.Contains('/')))
        {
            errors["name"] = [$"The name is required, at most {MaxNameLength} characters, without '/' (it separates group paths)."];
        }

        if (kind is not null && !GroupStore.Kinds.Contains(kind.ToLowerInvariant()))
        {
            errors["kind"] = [$"kind must be one of {string.Join(", ", GroupStore.Kinds)}."];
        }

        if (description?.Length > MaxDescriptionLength)
        {
            errors["description"] = [$"The description may have at most {MaxDescriptionLength} characters."];
        }

        return errors.Count == 0 ? null : Refusal.Fields(errors);
    }

    private static Outcome<GroupView> View(Outcome<GroupRecord> outcome) => outcome.IsSuccess ? ToView(outcome.Value!) : outcome.Error!;

    private static GroupView ToView(GroupRecord g) => new(g.Id, g.Name, g.Kind, g.ParentId, g.Description, g.CreatedAt, g.UpdatedAt);

    private static GroupNodeView ToNode(GroupTreeNode n) => new(n.Id, n.Name, n.Kind, n.Children.Select(ToNode).ToList(), n.ResourceCount);

    private static DomainError NotFound(string id) =>
        DomainError.NotFound(ProblemCode.GroupNotFound, $"Group '{(id.Length > 64 ? id[..64] + "…" : id)}' does not exist.");
}
