using ResourceReserver.Audit;

namespace ResourceReserver.Host.Audit;

/// <summary>
/// Puts each request's origin (actor, address, user agent) where every audit entry written for it finds it,
/// grain calls included; and records the API requests refused for who asked (403) as <c>access.denied</c>.
/// Runs after authentication, before scope enforcement and authorization.
/// </summary>
public sealed class AuditOriginMiddleware(RequestDelegate next, IAuditLog log, TimeProvider clock, ILogger<AuditOriginMiddleware> logger)
{
    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext http)
    {
        RequestOrigin.Set(RequestOrigins.Of(http));
        await next(http);
        if (http.Response.StatusCode == StatusCodes.Status403Forbidden && http.Request.Path.StartsWithSegments("/api"))
        {
            await RecordDenialAsync(http);
        }
    }

    private async Task RecordDenialAsync(HttpContext http)
    {
        // The route pattern, not the path: no identifier or token in a URL ends up in the log.
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
        try
        {
            await log.RecordAsync(AuditEntry.Of(AuditActions.AccessDenied, clock.GetUtcNow(), AuditOutcomes.Denied, "endpoint", $"{http.Request.Method} {route}"));
        }
        catch (Exception exception)
        {
            // The refusal stands either way; a lost denial entry must not turn a 403 into a 500.
            logger.LogWarning(exception, "Could not record an access denial");
        }
    }
}
