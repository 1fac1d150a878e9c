namespace ResourceReserver.Host.Application;

/// <summary>The reservation list filters as clients send them (query-string text, validated by <see cref="ReservationService"/>).</summary>
public sealed record ReservationQuery(
    string? UserId = null, string? ResourceId = null, string? From = null, string? Until = null, string? Status = null, string? Limit = null, string? Cursor = null);
