using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
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
        });
        builder.Services.AddExceptionHandler<ExceptionToProblem>();

        // Binding failures (unreadable JSON, a query value of the wrong type) reach ExceptionToProblem, which names
        // what broke, instead of leaving as an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options =>
        {
            var reference = ReadStoreJson.Options;
            options.SerializerOptions.PropertyNamingPolicy = reference.PropertyNamingPolicy;
            foreach (var converter in reference.Converters)
            {
                options.SerializerOptions.Converters.Add(converter);
            }

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
            var (status, code, detail) = exception switch
            {
                BadHttpRequestException { InnerException: JsonException json } =>
                    (400, "malformed_request", $"The body is not valid JSON of the expected shape: {json.Message}"),
                BadHttpRequestException bad when bad.StatusCode == 413 => (413, "payload_too_large", "The request body is too large."),
                BadHttpRequestException bad => (bad.StatusCode, "malformed_request", bad.Message),
                InvalidDataException invalid => (400, "malformed_request", $"The request body cannot be read: {invalid.Message}"),
                TimeoutException or OrleansException or System.Data.Common.DbException =>
                    (503, "temporarily_unavailable", "A back-end component did not answer in time; try again."),
                _ => (500, "internal_error", "An unexpected error occurred."),
            };
            if (status >= 500)
            {
                logger.LogError(exception, "Request {Method} {Path} failed with {Status}", httpContext.Request.Method, httpContext.Request.Path, status);
                if (status == 503)
                {
                    httpContext.Response.Headers.RetryAfter = "1";
                }
            }

            httpContext.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails =
                {
                    Status = status,
                    Title = status == 400 ? "Bad request" : status == 413 ? "Payload too large" : "Server error",
                    Type = Problem.TypeOf(status),
                    Detail = detail,
                    Extensions = { ["code"] = code },
                },
            });
        }
    }
}
