using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Analytics;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.Apis;

/// <summary>Utilisation, popularity, peak hours and per-user figures over the read store (<c>analytics.read</c>), as JSON and CSV.</summary>
public static class AnalyticsApi
{
    /// <summary>Maps <c>/api/v1/analytics</c>.</summary>
    public static RouteGroupBuilder MapAnalyticsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/analytics").WithTags("Analytics").RequirePermission(Permission.AnalyticsRead);
        group.MapGet("/utilization", UtilizationAsync).WithName("AnalyticsUtilization");
        group.MapGet("/popular", PopularAsync).WithName("AnalyticsPopular");
        group.MapGet("/peak", PeakAsync).WithName("AnalyticsPeak");
        group.MapGet("/users", UsersAsync).WithName("AnalyticsUsers");
        group.MapGet("/dashboard", DashboardAsync).WithName("AnalyticsDashboard");
        group.MapGet("/export/{report}.csv", ExportAsync).WithName("AnalyticsExport")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");

        // The web UI's download links: the same rules, signed in by the UI's cookie.
        routes.MapGet("/admin/analytics/export/{report}.csv", ExportAsync).RequirePermission(Permission.AnalyticsRead).ExcludeFromDescription();
        return group;
    }

    private static async Task<Results<Ok<UtilizationReport>, ProblemHttpResult>> UtilizationAsync(
        [AsParameters] AnalyticsQuery query, HttpContext http, AnalyticsService analytics, CancellationToken ct) =>
        (await analytics.UtilizationAsync(http.User.Actor(), query, ct)).ToOk();

    private static async Task<Results<Ok<PopularReport>, ProblemHttpResult>> PopularAsync(
        [AsParameters] AnalyticsQuery query, HttpContext http, AnalyticsService analytics, CancellationToken ct) =>
        (await analytics.PopularAsync(http.User.Actor(), query, ct)).ToOk();

    private static async Task<Results<Ok<PeakReport>, ProblemHttpResult>> PeakAsync(
        [AsParameters] AnalyticsQuery query, HttpContext http, AnalyticsService analytics, CancellationToken ct) =>
        (await analytics.PeakAsync(http.User.Actor(), query, ct)).ToOk();

    private static async Task<Results<Ok<UserActivityReport>, ProblemHttpResult>> UsersAsync(
        [AsParameters] AnalyticsQuery query, HttpContext http, AnalyticsService analytics, CancellationToken ct) =>
        (await analytics.UsersAsync(http.User.Actor(), query, ct)).ToOk();

    private static async Task<Results<Ok<AnalyticsDashboard>, ProblemHttpResult>> DashboardAsync(
        [AsParameters] AnalyticsQuery query, HttpContext http, AnalyticsService analytics, CancellationToken ct) =>
        (await analytics.DashboardAsync(http.User.Actor(), query, ct)).ToOk();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string report, [AsParameters] AnalyticsQuery query, HttpContext http, AnalyticsService analytics, CancellationToken ct)
    {
        var actor = http.User.Actor();
        var csv = report switch
        {
            "utilization" => Csv(await analytics.UtilizationAsync(actor, query, ct), AnalyticsCsv.Of),
            "popular" => Csv(await analytics.PopularAsync(actor, query, ct), AnalyticsCsv.Of),
            "peak" => Csv(await analytics.PeakAsync(actor, query, ct), AnalyticsCsv.Of),
            "users" => Csv(await analytics.UsersAsync(actor, query, ct), AnalyticsCsv.Of),
            _ => Outcome<string>.Fail(DomainError.NotFound(ProblemCode.NotFound, "report must be utilization, popular, peak or users.")),
        };
        if (!csv.IsSuccess)
        {
            return Problem.From(csv.Error!);
        }

        var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'");
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.Value!), "text/csv; charset=utf-8", $"{report}-{stamp}.csv");
    }

    private static Outcome<string> Csv<T>(Outcome<T> outcome, Func<T, string> write) =>
        outcome.IsSuccess ? write(outcome.Value!) : outcome.Error!;
}
