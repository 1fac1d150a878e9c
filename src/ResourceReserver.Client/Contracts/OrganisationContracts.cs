namespace ResourceReserver.Client.Contracts;

/// <summary>Body of <c>POST /groups</c>: <c>kind</c> is building, floor, area or other (default other).</summary>
public sealed record CreateGroupRequest(string? Name, string? Kind = null, Guid? ParentId = null, string? Description = null);

/// <summary>Body of <c>PATCH /groups/{id}</c>: only the fields present change; <c>toRoot</c> moves the group to the top.</summary>
public sealed record UpdateGroupRequest(string? Name = null, string? Kind = null, Guid? ParentId = null, bool? ToRoot = null, string? Description = null);

/// <summary>A group as the API shows it.</summary>
public sealed record GroupView(Guid Id, string Name, string Kind, Guid? ParentId, string? Description, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A group in <c>GET /groups/tree</c>: its subgroups and the live resources of its whole subtree.</summary>
public sealed record GroupNodeView(Guid Id, string Name, string Kind, IReadOnlyList<GroupNodeView> Children, int ResourceCount);

/// <summary>Body of <c>POST /labels</c> and <c>PATCH /labels/{id}</c> (there, only the fields present change).</summary>
public sealed record LabelRequest(string? Category = null, string? Value = null, string? Color = null);

/// <summary>A label as the API shows it.</summary>
public sealed record LabelView(Guid Id, string Category, string Value, string Color);

/// <summary>Body of <c>POST /labels/{id}/merge</c>.</summary>
public sealed record MergeLabelRequest(Guid? IntoId);

/// <summary>The answer of a label merge: how many resources moved to the target.</summary>
public sealed record LabelMergeView(LabelView Into, int ResourcesMoved);

/// <summary>Body of <c>PATCH /resources/tags/{tag}</c>.</summary>
public sealed record RenameTagRequest(string? Name);

/// <summary>The answer of a tag rename or delete: how many resources changed.</summary>
public sealed record TagChangeView(string Tag, string? RenamedTo, int ResourcesChanged);

/// <summary>The resource query a saved search keeps (the filters of <c>GET /resources</c>).</summary>
public sealed record SavedQuery(
    string? Q = null, IReadOnlyList<string>? Tags = null, Guid? GroupId = null, IReadOnlyList<Guid>? Labels = null,
    int? MinCapacity = null, DateTimeOffset? AvailableFrom = null, DateTimeOffset? AvailableUntil = null, bool? IncludeSubgroups = null);

/// <summary>Body of <c>POST /saved-searches</c>.</summary>
public sealed record CreateSavedSearchRequest(string? Name, SavedQuery? Query);

/// <summary>A saved search as the API shows it.</summary>
public sealed record SavedSearchView(Guid Id, string Name, SavedQuery Query, DateTimeOffset CreatedAt);

/// <summary>One search suggestion: <c>kind</c> is resource, tag, group or label; <c>id</c> is absent for tags.</summary>
public sealed record SuggestionView(string Kind, string Text, Guid? Id);
