using System.Globalization;

namespace ResourceReserver.Host.Hosting;

/// <summary>
/// Marks a route deprecated. Its answers then carry <c>Deprecation</c> (RFC 9745: since when), <c>Sunset</c>
/// (RFC 8594: when it stops answering) and a <c>Link</c> to its successor, and the OpenAPI document marks the
/// operation deprecated. Policy (README): a route stays at least six months between deprecation and sunset.
/// </summary>
public static class Deprecation
{
    /// <summary>When a route was deprecated, when it goes away, and what replaces it.</summary>
    public sealed record DeprecatedRoute(DateTimeOffset Since, DateTimeOffset Sunset, string? Successor);

    /// <summary>Marks the endpoint deprecated since <paramref name="since"/>, gone at <paramref name="sunset"/>.</summary>
    public static TBuilder Deprecated<TBuilder>(this TBuilder builder, DateTimeOffset since, DateTimeOffset sunset, string? successor = null)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new DeprecatedRoute(since, sunset, successor));

    /// <summary>Adds the deprecation headers when the request's endpoint is deprecated.</summary>
    public static void AddHeaders(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<DeprecatedRoute>() is not { } route)
        {
            return;
        }

        var headers = context.Response.Headers;
        headers["Deprecation"] = "@" + route.Since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        headers["Sunset"] = route.Sunset.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);
        if (route.Successor is { } successor)
        {
            headers.Append("Link", $"<{successor}>; rel=\"successor-version\"");
        }
    }
}
