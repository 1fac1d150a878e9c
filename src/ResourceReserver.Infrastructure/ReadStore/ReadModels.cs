namespace ResourceReserver.Infrastructure.ReadStore;

/// <summary>Which reservations to list; null fields do not filter.</summary>
public sealed record ReservationFilter(
    Guid? UserId,
    Guid? ResourceId,
    DateTimeOffset? From,
    DateTimeOffset? Until,
    string? Status,
    int Limit,
    string? Cursor);

/// <summary>
/// Which resources to list; tags and labels are AND-ed; the availability window keeps resources with a unit free
/// throughout; a group keeps its own resources, and with <paramref name="IncludeSubgroups"/> those of every group below it.
/// </summary>
public sealed record ResourceFilter(
    string? Query,
    IReadOnlyList<string> Tags,
    string? Status,
    DateTimeOffset? AvailableFrom,
    DateTimeOffset? AvailableUntil,
    int Limit,
    string? Cursor,
    Guid? GroupId = null,
    bool IncludeSubgroups = false,
    IReadOnlyList<Guid>? Labels = null,
    int? MinCapacity = null);

/// <summary>One entry of a reservation's history.</summary>
public sealed record HistoryEntry(Guid EventId, string Type, DateTimeOffset OccurredAt, Guid? ActorId, string? Detail, string? Status);

/// <summary>A tag and how many live resources carry it.</summary>
public sealed record TagCount(string Tag, int Count);
