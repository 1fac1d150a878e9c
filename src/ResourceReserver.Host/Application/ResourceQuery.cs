namespace ResourceReserver.Host.Application;

/// <summary>The resource list filters as clients send them (query-string text, validated by <see cref="ResourceService"/>).</summary>
public sealed record ResourceQuery(
    string? Q = null, string? Tags = null, string? Status = null, string? AvailableFrom = null, string? AvailableUntil = null, string? Limit = null, string? Cursor = null,
    string? GroupId = null, string? IncludeSubgroups = null, string? Labels = null, string? MinCapacity = null);
