using System.Text.Json;

namespace ResourceReserver.ApiTests.Fuzz;

/// <summary>One operation of the OpenAPI document: method, path template, parameters and body properties.</summary>
internal sealed record FuzzOperation(
    string Method,
    string Path,
    IReadOnlyList<string> PathParameters,
    IReadOnlyList<string> QueryParameters,
    IReadOnlyDictionary<string, JsonElement>? BodyProperties,
    bool RefusesUnknownFields = false)
{
    /// <summary>True for methods that may carry a body.</summary>
    public bool TakesBody => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    /// <summary>Every operation of the document, deletions last so earlier operations still find what they act on.</summary>
    public static IReadOnlyList<FuzzOperation> From(JsonElement document)
    {
        var schemas = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var s) ? s : default;
        var operations = new List<FuzzOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
                operations.Add(new FuzzOperation(
                    operation.Name.ToUpperInvariant(),
                    path.Name,
                    parameters.Where(x => x.GetProperty("in").GetString() == "path").Select(x => x.GetProperty("name").GetString()!).ToList(),
                    parameters.Where(x => x.GetProperty("in").GetString() == "query").Select(x => x.GetProperty("name").GetString()!).ToList(),
                    BodyOf(operation.Value, schemas),
                    BodySchemaOf(operation.Value, schemas) is { } body && body.TryGetProperty("additionalProperties", out var more) && more.ValueKind == JsonValueKind.False));
            }
        }

        return operations.OrderBy(o => o.Method == "DELETE").ToList();
    }

    private static IReadOnlyDictionary<string, JsonElement>? BodyOf(JsonElement operation, JsonElement schemas) =>
        BodySchemaOf(operation, schemas) is not { } resolved
            ? null
            : resolved.TryGetProperty("properties", out var properties)
                ? properties.EnumerateObject().ToDictionary(p => p.Name, p => Resolve(p.Value, schemas))
                : new Dictionary<string, JsonElement>();

    private static JsonElement? BodySchemaOf(JsonElement operation, JsonElement schemas) =>
        operation.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content)
            && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema)
            ? Resolve(schema, schemas)
            : null;

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas) =>
        schema.TryGetProperty("$ref", out var reference) && schemas.ValueKind == JsonValueKind.Object
            ? schemas.GetProperty(reference.GetString()!.Split('/')[^1])
            : schema.TryGetProperty("oneOf", out var choices) && choices.EnumerateArray().FirstOrDefault(c => c.TryGetProperty("$ref", out _)) is { ValueKind: JsonValueKind.Object } optional
                ? Resolve(optional, schemas) // an optional body: null or the record
                : schema;
}
