using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Problems;

/// <summary>Builds RFC 9457 problem responses that always carry a stable snake_case <c>code</c>.</summary>
public static class Problem
{
    /// <summary>The HTTP status for a domain error kind.</summary>
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Gone => StatusCodes.Status410Gone,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status503ServiceUnavailable,
    };

    /// <summary>A problem response for a refusal decided by a grain or a validator.</summary>
    public static ProblemHttpResult From(DomainError error) => From(error, StatusOf(error.Kind));

    private static ProblemHttpResult From(DomainError error, int status)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Errors is { Count: > 0 } errors)
        {
            extensions["errors"] = errors;
        }

        if (error.Conflicts.Count > 0)
        {
            extensions["conflicts"] = error.Conflicts.Select(c => new { start = c.Start.UtcDateTime, end = c.End.UtcDateTime });
        }

        if (error.RetryAfter is { } retryAfter)
        {
            // ProblemSetup turns it into the Retry-After header as well.
            extensions[RetryAfterExtension] = RetryAfterSeconds(retryAfter);
        }

        if (error.Code == "booking_conflict")
        {
            extensions["suggestions"] = error.Suggestions.Select(c => new { start = c.Start.UtcDateTime, end = c.End.UtcDateTime });
        }

        return TypedResults.Problem(error.Message, statusCode: status, title: TitleOf(status), type: TypeOf(status), extensions: extensions);
    }

    /// <summary>The problem member holding the seconds a 429 asks the client to wait (also sent as <c>Retry-After</c>).</summary>
    public const string RetryAfterExtension = "retryAfter";

    /// <summary>Whole seconds to wait, at least 1 (a <c>Retry-After</c> of 0 invites an immediate retry storm).</summary>
    public static int RetryAfterSeconds(TimeSpan wait) => (int)Math.Clamp(Math.Ceiling(wait.TotalSeconds), 1, int.MaxValue);

    /// <summary>A problem response built on the spot.</summary>
    public static ProblemHttpResult Of(int status, string code, string detail, IDictionary<string, string[]>? errors = null) =>
        From(new DomainError(KindOf(status), code, detail) { Errors = errors?.ToDictionary() }, status);

    /// <summary>A 422 for one invalid field.</summary>
    public static ProblemHttpResult Invalid(string field, string message) =>
        Of(StatusCodes.Status422UnprocessableEntity, "validation_failed", message, new Dictionary<string, string[]> { [field] = [message] });

    private static ErrorKind KindOf(int status) => status switch
    {
        400 or 422 => ErrorKind.Validation,
        401 => ErrorKind.Unauthorized,
        403 => ErrorKind.Forbidden,
        404 => ErrorKind.NotFound,
        409 => ErrorKind.Conflict,
        410 => ErrorKind.Gone,
        429 => ErrorKind.TooManyRequests,
        _ => ErrorKind.Unavailable,
    };

    /// <summary>The RFC 9110 section link used as the problem type.</summary>
    public static string TypeOf(int status) => status switch
    {
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        401 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
        403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        409 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        410 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.11",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        422 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
        429 => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        _ => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
    };

    private static string TitleOf(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        410 => "Gone",
        413 => "Payload too large",
        422 => "Validation failed",
        429 => "Too many requests",
        _ => "Service unavailable",
    };
}
