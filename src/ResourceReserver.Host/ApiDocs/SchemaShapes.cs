using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ResourceReserver.Host.ApiDocs;

/// <summary>
/// Makes each schema say what the API really takes and gives: scalar types and formats the project's converters
/// hide from the generator (instants as <c>date-time</c>, durations as ISO 8601 <c>duration</c>, ids as <c>uuid</c>),
/// an example for each, nullable fields as nullable, and <c>required</c> only for what must be there: request
/// fields listed in <see cref="RequiredFields"/> and non-nullable members of answers.
/// </summary>
public sealed class SchemaShapes : IOpenApiSchemaTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (Scalar(underlying) is var (jsonType, format, example))
        {
            // The converters' schemas come out typeless ({}), or for TimeSpan as .NET's hh:mm:ss pattern.
            schema.Type = jsonType;
            schema.Format = format ?? schema.Format;
            schema.Pattern = null;
            if (example is not null && schema.Examples is not { Count: > 0 })
            {
                schema.Examples = [JsonValue.Create(example)];
            }

            if (context.JsonPropertyInfo is { } property && IsNullable(property) && !RequiredFields.Contains(property.DeclaringType, property.Name))
            {
                schema.Type |= JsonSchemaType.Null;
            }
        }

        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Enumerable && schema.Items is null
            && context.JsonTypeInfo.ElementType is { } element && Scalar(Nullable.GetUnderlyingType(element) ?? element) is var (itemType, itemFormat, _))
        {
            // A list of converted scalars (strings) comes out without its items.
            schema.Items = new OpenApiSchema { Type = itemType, Format = itemFormat };
        }

        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Properties is { Count: > 0 })
        {
            schema.Required = new HashSet<string>(context.JsonTypeInfo.Properties
                .Where(p => schema.Properties.ContainsKey(p.Name))
                .Where(p => p.IsRequired || RequiredFields.Contains(type, p.Name) || (schema.Required?.Contains(p.Name) == true && !IsNullable(p)))
                .Select(p => p.Name));
        }

        return Task.CompletedTask;
    }

    private static bool IsNullable(JsonPropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null || (!property.PropertyType.IsValueType && (property.IsGetNullable || property.IsSetNullable));

    private static (JsonSchemaType Type, string? Format, string? Example)? Scalar(Type type) => type switch
    {
        _ when type == typeof(string) => (JsonSchemaType.String, null, null),
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => (JsonSchemaType.String, "date-time", "2027-01-10T09:00:00Z"),
        _ when type == typeof(TimeSpan) => (JsonSchemaType.String, "duration", "PT1H30M"),
        _ when type == typeof(Guid) => (JsonSchemaType.String, "uuid", "0193b1c4-5f6e-7a8b-9c0d-1e2f3a4b5c6d"),
        _ when type == typeof(DateOnly) => (JsonSchemaType.String, "date", "2027-01-10"),
        _ when type == typeof(TimeOnly) => (JsonSchemaType.String, "time", "09:00:00"),
        _ => null,
    };
}
