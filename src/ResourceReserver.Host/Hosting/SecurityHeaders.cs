namespace ResourceReserver.Host.Hosting;

/// <summary>
/// Headers every answer carries: no MIME sniffing, no referrer leaking feed tokens or ids to other sites, and a
/// strict Content-Security-Policy on HTML pages (no framing, scripts only from this origin).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy of HTML pages: everything from this origin only; inline styles for component libraries.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; "
        + "img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'";

    // The API reference page (Scalar) boots from an inline module script; it handles no session or secret of its own.
    private const string DocsPolicy =
        "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; "
        + "img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; connect-src 'self'";

    /// <summary>Adds the headers to every response, the policy to HTML ones.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/docs") ? DocsPolicy : ContentSecurityPolicy;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
