using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using System.Text.Json.Serialization;
using ResourceReserver.Client.Http;
using ResourceReserver.Host.Hosting;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Problems;

/// <summary>Every error leaves as ProblemDetails with a <c>code</c>: framework errors included.</summary>
public static class ProblemSetup
{
    /// <summary>Adds ProblemDetails, the exception mapper and the API's JSON options.</summary>
    public static WebApplicationBuilder AddReserverProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions.TryAdd("code", DefaultCode(problem.Status ?? context.HttpContext.Response.StatusCode));
            problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            if (problem.Extensions.TryGetValue(Problem.RetryAfterExtension, out var seconds) && seconds is int wait && !context.HttpContext.Response.HasStarted)
            {
                context.HttpContext.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        builder.Services.AddExceptionHandler<ExceptionToProblem>();

        // Binding failures (unreadable JSON, a query value of the wrong type) reach ExceptionToProblem, which names
        // what broke, instead of leaving as an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options =>
        {
            var reference = ReadStoreJson.Options;
            options.SerializerOptions.PropertyNamingPolicy = reference.PropertyNamingPolicy;
            foreach (var converter in reference.Converters.Where(c => c is not UtcInstantConverter))
            {
                options.SerializerOptions.Converters.Add(converter);
            }

            // Instants in UTC unless the request asked for a zone (X-Timezone); durations as ISO 8601; a property no
            // request has is refused rather than ignored (a typo must not be a silent no-op).
            options.SerializerOptions.Converters.Add(new ResponseTimeZone.Converter());
            options.SerializerOptions.Converters.Add(new IsoDurationConverter());
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;

            JsonInputRules.Apply(options.SerializerOptions);
        });
        return builder;
    }

    private static string DefaultCode(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "validation_failed",
        429 => "rate_limited",
        503 => "temporarily_unavailable",
        _ => "internal_error",
    };

    /// <summary>Maps unreadable requests to 400/413 and transient back-end failures to 503; anything else is a bug (500).</summary>
    private sealed class ExceptionToProblem(IProblemDetailsService problems, ILogger<ExceptionToProblem> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            Dictionary<string, string[]>? errors = null;
            var (status, code, detail) = exception switch
            {
                BadHttpRequestException bad when bad.StatusCode == 413 => (413, "payload_too_large", "The request body is too large."),
                BadHttpRequestException bad when bad.StatusCode != 400 => (bad.StatusCode, "malformed_request", bad.Message),
                BadHttpRequestException => (400, "malformed_request", exception.Message),
                InvalidDataException invalid => (400, "malformed_request", $"The request body cannot be read: {invalid.Message}"),
                TimeoutException or OrleansException or System.Data.Common.DbException =>
                    (503, "temporarily_unavailable", "A back-end component did not answer in time; try again."),
                _ => (500, "internal_error", "An unexpected error occurred."),
            };
            if (exception is BadHttpRequestException { InnerException: JsonException json })
            {
                (status, code, detail, errors) = await JsonBodyProblem.DescribeAsync(httpContext, json);
            }

            if (status >= 500)
            {
                logger.LogError(exception, "Request {Method} {Path} failed with {Status}", httpContext.Request.Method, httpContext.Request.Path, status);
                if (status == 503)
                {
                    httpContext.Response.Headers.RetryAfter = "1";
                }
            }

            httpContext.Response.StatusCode = status;
            var problem = new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails =
                {
                    Status = status,
                    Title = status switch { 400 => "Bad request", 413 => "Payload too large", 415 => "Unsupported media type", 422 => "Validation failed", _ => "Server error" },
                    Type = Problem.TypeOf(status),
                    Detail = detail,
                    Extensions = { ["code"] = code },
                },
            };
            if (errors is not null)
            {
                problem.ProblemDetails.Extensions["errors"] = errors;
            }

            return await problems.TryWriteAsync(problem);
        }
    }
}
