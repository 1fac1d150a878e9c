using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ResourceReserver.Host.Hosting;

namespace ResourceReserver.Host.ApiDocs;

/// <summary>Marks operations of deprecated routes (<see cref="Deprecation"/>) deprecated, saying when they go and what replaces them.</summary>
public sealed class DeprecatedOperations : IOpenApiOperationTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Deprecation.DeprecatedRoute>().FirstOrDefault() is { } route)
        {
            operation.Deprecated = true;
            var sunset = route.Sunset.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var note = $"Deprecated: answers until {sunset} (Sunset header)" + (route.Successor is { } s ? $"; use {s} instead." : ".");
            operation.Description = string.IsNullOrEmpty(operation.Description) ? note : $"{operation.Description} {note}";
        }

        return Task.CompletedTask;
    }
}
