using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Audit;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Application;
using ResourceReserver.Host.Audit;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;
using ResourceReserver.Infrastructure.Audit;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Apis;

/// <summary>The audit log (<c>audit.read</c>): filtered lists, streamed exports, counts; and everyone's own activity.</summary>
public static class AuditApi
{
    /// <summary>Maps <c>/api/v1/audit</c> and <c>/api/v1/users/me/activity</c>.</summary>
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/users/me/activity", MyActivityAsync).WithTags("Audit").WithName("MyActivity")
            .RequireAuthorization().RequireScope(Scopes.Profile);
        var group = routes.MapGroup("/api/v1/audit").WithTags("Audit").RequirePermission(Permission.AuditRead);
        group.MapGet("/", ListAsync).WithName("ListAuditEntries");
        group.MapGet("/export", ExportAsync).WithName("ExportAuditEntries")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces<AuditEntry[]>(StatusCodes.Status200OK, "application/json");
        group.MapGet("/stats", StatsAsync).WithName("AuditStats");

        // The web UI's download link: the same rules, signed in by the UI's cookie.
        routes.MapGet("/admin/audit/export", ExportAsync).RequirePermission(Permission.AuditRead).ExcludeFromDescription();
        return group;
    }

    private static async Task<Results<Ok<Page<AuditEntry>>, ProblemHttpResult>> ListAsync(
        [AsParameters] AuditQuery query, HttpContext http, AuditService audit, CancellationToken ct) =>
        (await audit.ListAsync(http.User.Actor(), query, ct)).ToOk();

    private static async Task<Results<Ok<Page<AuditEntry>>, ProblemHttpResult>> MyActivityAsync(
        string? action, string? from, string? until, string? limit, string? cursor, HttpContext http, AuditService audit, CancellationToken ct) =>
        (await audit.MyActivityAsync(http.User.Actor(), new AuditQuery(Action: action, From: from, Until: until, Limit: limit, Cursor: cursor), ct)).ToOk();

    private static async Task<Results<AuditExportResult, ProblemHttpResult>> ExportAsync(
        [AsParameters] AuditQuery query, string? format, HttpContext http, AuditService audit, CancellationToken ct)
    {
        var outcome = await audit.ExportAsync(http.User.Actor(), query with { Limit = null, Cursor = null }, format, ct);
        return outcome.IsSuccess ? new AuditExportResult(outcome.Value!, format ?? "csv") : Problem.From(outcome.Error!);
    }

    private static async Task<Results<Ok<AuditStats>, ProblemHttpResult>> StatsAsync(
        string? from, string? until, HttpContext http, AuditService audit, CancellationToken ct) =>
        (await audit.StatsAsync(http.User.Actor(), from, until, ct)).ToOk();
}
