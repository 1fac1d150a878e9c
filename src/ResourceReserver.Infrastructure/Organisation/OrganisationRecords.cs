namespace ResourceReserver.Infrastructure.Organisation;

/// <summary>A group of resources: a building, floor, area or other, placed in one tree by its parent.</summary>
public sealed record GroupRecord(Guid Id, string Name, string Kind, Guid? ParentId, string? Description, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A group with its subgroups and the live resources in its whole subtree.</summary>
public sealed record GroupTreeNode(Guid Id, string Name, string Kind, Guid? ParentId, IReadOnlyList<GroupTreeNode> Children, int ResourceCount);

/// <summary>What a group change sets; null fields stay as they are, <paramref name="ToRoot"/> moves the group to the top.</summary>
public sealed record GroupChange(string? Name, string? Kind, Guid? ParentId, bool ToRoot, string? Description);

/// <summary>A label: a category and a value (<c>equipment: projector</c>) with a display colour.</summary>
public sealed record LabelRecord(Guid Id, string Category, string Value, string Color);

/// <summary>A user's named resource query.</summary>
public sealed record SavedSearchRecord(Guid Id, Guid UserId, string Name, string Query, DateTimeOffset CreatedAt);
