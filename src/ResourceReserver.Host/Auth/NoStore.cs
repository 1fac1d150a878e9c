namespace ResourceReserver.Host.Auth;

/// <summary>
/// Marks an answer as never to be stored by a cache (<c>Cache-Control: no-store</c>, <c>Pragma: no-cache</c>, as
/// RFC 6749 §5.1 asks of token responses): tokens, secrets and backup codes.
/// </summary>
public sealed class NoStore : IEndpointFilter
{
    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        Apply(context.HttpContext.Response);
        return next(context);
    }

    /// <summary>Sets the headers on <paramref name="response"/>.</summary>
    public static void Apply(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
    }
}
