using ResourceReserver.Audit;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Apis;
using ResourceReserver.Infrastructure.Audit;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Application;

/// <summary>The query of <c>GET /audit</c>, <c>/audit/export</c> and <c>/users/me/activity</c>, as sent (validated by <see cref="AuditService"/>).</summary>
public sealed record AuditQuery(
    string? ActorId = null,
    string? Action = null,
    string? EntityType = null,
    string? EntityId = null,
    string? Outcome = null,
    string? From = null,
    string? Until = null,
    string? Limit = null,
    string? Cursor = null);

/// <summary>Reading the audit log: filtered pages, exports, counts (<c>audit.read</c>) and anyone's own activity.</summary>
public sealed class AuditService(SqlAuditLog log, TimeProvider clock)
{
    /// <summary>The export formats.</summary>
    public static readonly IReadOnlyList<string> Formats = ["csv", "json"];

    /// <summary>One page of entries, newest first.</summary>
    public async Task<Outcome<Page<AuditEntry>>> ListAsync(Actor actor, AuditQuery query, CancellationToken ct = default)
    {
        if (Caller.Require(actor, Permission.AuditRead) is { } forbidden)
        {
            return forbidden;
        }

        var parsed = AuditQueries.Parse(query);
        return parsed.IsSuccess ? await PageAsync(parsed.Value!, ct) : parsed.Error!;
    }

    /// <summary>The signed-in user's own entries (what they did), newest first; the actor filter is theirs alone.</summary>
    public async Task<Outcome<Page<AuditEntry>>> MyActivityAsync(Actor actor, AuditQuery query, CancellationToken ct = default)
    {
        var parsed = AuditQueries.Parse(query with { ActorId = null });
        return parsed.IsSuccess
            ? await PageAsync(parsed.Value! with { Filter = parsed.Value!.Filter with { ActorId = actor.UserId } }, ct)
            : parsed.Error!;
    }

    /// <summary>
    /// The entries an export will write, newest first, read as they are written out. The export itself is recorded
    /// first (who exported what), so an export is on record even when the client stops reading halfway.
    /// </summary>
    public async Task<Outcome<IAsyncEnumerable<AuditEntry>>> ExportAsync(Actor actor, AuditQuery query, string? format, CancellationToken ct = default)
    {
        if (Caller.Require(actor, Permission.AuditRead) is { } forbidden)
        {
            return forbidden;
        }

        if (format is not null && !Formats.Contains(format))
        {
            return Refusal.Invalid("format", "format must be csv or json.");
        }

        var parsed = AuditQueries.Parse(query with { Limit = null, Cursor = null });
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        var filter = parsed.Value!.Filter;
        await log.RecordAsync(AuditEntry.Of(AuditActions.AuditExported, clock.GetUtcNow(), entityType: "audit_log", detail: AuditQueries.Describe(filter, format ?? "csv")), ct);
        return Outcome<IAsyncEnumerable<AuditEntry>>.Ok(log.StreamAsync(filter, ct));
    }

    /// <summary>Counts by action and by day in a window.</summary>
    public async Task<Outcome<AuditStats>> StatsAsync(Actor actor, string? from, string? until, CancellationToken ct = default)
    {
        if (Caller.Require(actor, Permission.AuditRead) is { } forbidden)
        {
            return forbidden;
        }

        var parsed = AuditQueries.Parse(new AuditQuery(From: from, Until: until));
        return parsed.IsSuccess ? await log.StatsAsync(parsed.Value!.Filter.From, parsed.Value.Filter.Until, ct) : parsed.Error!;
    }

    private async Task<Outcome<Page<AuditEntry>>> PageAsync(ParsedAuditQuery query, CancellationToken ct) =>
        await log.ListAsync(query.Filter, query.Limit, query.Cursor, ct);
}
