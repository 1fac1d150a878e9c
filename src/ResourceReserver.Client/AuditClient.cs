using System.Globalization;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Http;
using ResourceReserver.Client.Models;

namespace ResourceReserver.Client;

/// <summary>The audit log (<c>audit.read</c>) and the signed-in user's own activity.</summary>
public sealed class AuditClient(ApiTransport api)
{
    /// <summary><c>GET /audit</c>, one page, newest first.</summary>
    public Task<ApiResponse<Page<AuditEntryView>>> ListAsync(AuditSearch query, CancellationToken ct) =>
        api.SendAsync<Page<AuditEntryView>>(HttpMethod.Get, ApiTransport.Path("api/v1/audit", Fields(query)), null, ct);

    /// <summary><c>GET /users/me/activity</c>, one page, newest first.</summary>
    public Task<ApiResponse<Page<AuditEntryView>>> MyActivityAsync(string? action, DateTimeOffset? from, DateTimeOffset? until, int? limit, string? cursor, CancellationToken ct) =>
        api.SendAsync<Page<AuditEntryView>>(HttpMethod.Get, ApiTransport.Path("api/v1/users/me/activity", Fields(new AuditSearch(Action: action, From: from, Until: until, Limit: limit, Cursor: cursor))), null, ct);

    /// <summary><c>GET /audit/stats</c>.</summary>
    public Task<ApiResponse<AuditStatsView>> StatsAsync(DateTimeOffset? from, DateTimeOffset? until, CancellationToken ct) =>
        api.SendAsync<AuditStatsView>(HttpMethod.Get, ApiTransport.Path("api/v1/audit/stats", ("from", ApiTransport.Instant(from)), ("until", ApiTransport.Instant(until))), null, ct);

    /// <summary>
    /// <c>GET /audit/export</c> copied to <paramref name="destination"/> as it arrives (the server streams it; so does
    /// this, whatever its size); returns the bytes written.
    /// </summary>
    public Task<long> ExportAsync(AuditSearch query, string format, Stream destination, CancellationToken ct) =>
        api.StreamAsync(ApiTransport.Path("api/v1/audit/export", [("format", format), .. Fields(query with { Limit = null, Cursor = null })]), destination, ct);

    private static (string Name, string? Value)[] Fields(AuditSearch q) =>
    [
        ("actorId", q.ActorId), ("action", q.Action), ("entityType", q.EntityType), ("entityId", q.EntityId), ("outcome", q.Outcome),
        ("from", ApiTransport.Instant(q.From)), ("until", ApiTransport.Instant(q.Until)),
        ("limit", q.Limit?.ToString(CultureInfo.InvariantCulture)), ("cursor", q.Cursor),
    ];
}
