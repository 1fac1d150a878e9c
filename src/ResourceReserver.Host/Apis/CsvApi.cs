using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Import;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.Apis;

/// <summary>CSV import of resources (with preview) and streamed CSV exports of resources and reservations.</summary>
public static class CsvApi
{
    /// <summary>Largest import body: 10,000 rows of generous width.</summary>
    public const long MaxImportBytes = 16 * 1024 * 1024;

    /// <summary>Maps <c>POST /resources/import</c>, <c>GET /resources/export.csv</c> and <c>GET /reservations/export.csv</c> (also at <c>/reservations/export.csv</c> for the UI).</summary>
    public static IEndpointRouteBuilder MapCsvApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/resources/import", ImportAsync).WithTags("Resources").WithName("ImportResources")
            .RequirePermission(Permission.ResourcesManage)
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes))
            .Produces<ImportResult>()
            .Produces<ImportPreview>(StatusCodes.Status200OK);
        routes.MapGet("/api/v1/resources/export.csv", ExportResourcesAsync).WithTags("Resources").WithName("ExportResources")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        routes.MapGet("/api/v1/reservations/export.csv", ExportReservations).WithTags("Reservations").WithName("ExportReservations")
            .RequireAuthorization()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        // The web UI's download link: the same rules, signed in by the UI's cookie.
        routes.MapGet("/reservations/export.csv", ExportReservations).RequireAuthorization().ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> ImportAsync(HttpContext http, ResourceImportService imports, string? dryRun)
    {
        if (dryRun is not null && !bool.TryParse(dryRun, out _))
        {
            return Problem.Invalid("dryRun", "dryRun must be true or false.");
        }

        var (content, refusal) = await CsvContentAsync(http.Request);
        if (refusal is not null)
        {
            return refusal;
        }

        var actor = http.User.Actor();
        var planned = await imports.PlanAsync(actor, content!, http.RequestAborted);
        if (!planned.IsSuccess)
        {
            return Problem.From(planned.Error!);
        }

        if (dryRun is not null && bool.Parse(dryRun))
        {
            return TypedResults.Ok(planned.Value!.ToPreview());
        }

        var answer = await imports.ApplyAsync(actor, planned.Value!);
        return answer switch
        {
            { Done: { } done } => TypedResults.Ok(done),
            { Refused: { } preview } => Refused(preview),
            _ => Problem.From(answer.Failed!),
        };
    }

    /// <summary>The 422 of a refused file: a problem carrying the preview's fields.</summary>
    private static ProblemHttpResult Refused(ImportPreview preview)
    {
        var problem = Problem.From(new DomainError(ErrorKind.Validation, ProblemCode.CsvInvalid,
            $"The file has {preview.Errors.Count} problem(s); nothing was imported."));
        problem.ProblemDetails.Extensions["rows"] = preview.Rows;
        problem.ProblemDetails.Extensions["wouldCreate"] = preview.WouldCreate;
        problem.ProblemDetails.Extensions["wouldUpdate"] = preview.WouldUpdate;
        problem.ProblemDetails.Extensions["errors"] = preview.Errors;
        return problem;
    }

    private static async Task<(Stream? Content, IResult? Refusal)> CsvContentAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form.Files.Count == 1
                ? (form.Files[0].OpenReadStream(), null)
                : (null, Problem.Invalid("file", "Send exactly one CSV file in the form."));
        }

        return request.ContentType is { } type && type.Split(';')[0].Trim().Equals("text/csv", StringComparison.OrdinalIgnoreCase)
            ? (request.Body, null)
            : (null, Problem.Of(StatusCodes.Status415UnsupportedMediaType, ProblemCode.UnsupportedMediaType, "Send the file as text/csv or as a multipart form with one file."));
    }

    private static IResult ExportResourcesAsync(CsvExports exports) =>
        TypedResults.Stream(output => exports.WriteResourcesAsync(output, CancellationToken.None), "text/csv; charset=utf-8", "resources.csv");

    private static IResult ExportReservations(HttpContext http, CsvExports exports, string? from, string? until, string? resourceId, string? userId)
    {
        var filter = CsvExports.ReservationFilterFor(http.User.Actor(), from, until, resourceId, userId);
        return filter.IsSuccess
            ? TypedResults.Stream(output => exports.WriteReservationsAsync(filter.Value!, output, http.RequestAborted), "text/csv; charset=utf-8", "reservations.csv")
            : Problem.From(filter.Error!);
    }
}
