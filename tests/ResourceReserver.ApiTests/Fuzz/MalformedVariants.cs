using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ResourceReserver.ApiTests.Fuzz;

/// <summary>A request to send: what it is, for the failure report, and how to build it.</summary>
internal sealed record FuzzRequest(string Description, HttpMethod Method, string Url, string? Body, string? ContentType);

/// <summary>
/// The malformed variants of one operation: odd path and query values, bodies of the wrong shape, type, size or
/// content type, NUL characters, nulls inside lists, huge and negative numbers and impossible dates, each
/// property in turn. Valid values (real ids, future instants) fill the rest, so each variant reaches deep.
/// </summary>
internal static class MalformedVariants
{
    private static readonly string[] OddPathValues =
    [
        "-1", "0", "99999999999999999999999", "%20", "..", "%2e%2e%2f%2e%2e", "a'b%22c%3Cd%3E", "%FF%FE", "%C3%BC%E2%82%AC%F0%9F%98%80",
        new string('x', 3000), "00000000-0000-0000-0000-000000000000", "%7B%7D", "1.5", "true",
    ];

    private static readonly string[] OddQueryValues =
    [
        "", "-1", "0", "2147483648", "99999999999999999999", "1e309", "NaN", "true", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
        "2027-02-30", "not-a-date", "P99999999Y", "-PT1H", "%00", "%3Cscript%3E", new string('9', 5000), "a,b,,c,%2C",
    ];

    private static readonly string[] OddValues =
    [
        "null", "[null]", "{\"\":null}", "1e400", "-1", "-2147483649", "99999999999999999999", "1.5", "\"\"", "\"\\u0000\"",
        "\"9999-99-99T99:99:99Z\"", "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59+14:00\"", "\"2027-01-10T09:00:00\"", "true",
        "\"<script>alert(1)</script>' OR 1=1 --\"", "\"" + new string('x', 20_000) + "\"", "[\"a\",null]", "{\"a\":{\"b\":[1,{}]}}",
    ];

    private static readonly string[] OddBodies =
    [
        "", "null", "[]", "[null]", "\"text\"", "{", "{\"a\":", "{}", "{\"unknownField\":1}", new string('[', 5000) + new string(']', 5000),
        "\u0000", "{\"a\":\"\\ud800\"}",
    ];

    private static readonly string[] OddContentTypes =
    [
        "text/plain", "application/xml", "application/json; charset=foo", "application/json; charset=utf-16", "multipart/form-data",
        "multipart/form-data; boundary=b", "application/x-www-form-urlencoded", "application/json; charset=\"\"", "*/*", "application/json;;",
    ];

    /// <summary>Every variant of <paramref name="operation"/>, with <paramref name="valid"/> filling path parameters and fields.</summary>
    public static IEnumerable<FuzzRequest> Of(FuzzOperation operation, ValidValues valid)
    {
        var method = new HttpMethod(operation.Method);
        var path = operation.PathParameters.Aggregate(operation.Path, (p, name) => p.Replace($"{{{name}}}", valid.PathValue(operation.Path, name)));
        var body = operation.BodyProperties is { } properties ? BaseBody(properties, valid) : null;

        foreach (var name in operation.PathParameters)
        {
            foreach (var odd in OddPathValues)
            {
                var oddPath = operation.PathParameters.Aggregate(operation.Path, (p, n) =>
                    p.Replace($"{{{n}}}", n == name ? odd : valid.PathValue(operation.Path, n)));
                yield return new FuzzRequest($"path {name}={Short(odd)}", method, oddPath, body?.ToJsonString(), body is null ? null : "application/json");
            }
        }

        foreach (var name in operation.QueryParameters)
        {
            foreach (var odd in OddQueryValues)
            {
                yield return new FuzzRequest($"query {name}={Short(odd)}", method, $"{path}?{name}={odd}", body?.ToJsonString(), body is null ? null : "application/json");
            }

            yield return new FuzzRequest($"query {name} twice", method, $"{path}?{name}=1&{name}=2", null, null);
        }

        if (!operation.TakesBody)
        {
            yield break;
        }

        var text = body?.ToJsonString() ?? "{}";
        foreach (var contentType in OddContentTypes)
        {
            var payload = contentType.Contains("urlencoded") ? "a=%00&grant_type=password" : text;
            yield return new FuzzRequest($"content-type {contentType}", method, path, payload, contentType);
        }

        foreach (var odd in OddBodies)
        {
            yield return new FuzzRequest($"body {Short(odd)}", method, path, odd, "application/json");
        }

        foreach (var property in body?.Select(p => p.Key) ?? [])
        {
            foreach (var odd in OddValues)
            {
                var mutated = (JsonObject)body!.DeepClone();
                mutated[property] = JsonNode.Parse(odd);
                yield return new FuzzRequest($"{property}={Short(odd)}", method, path, mutated.ToJsonString(), "application/json");
            }
        }
    }

    /// <summary>A body with a plausible value for every property, so a variant differs from a good request in one place.</summary>
    private static JsonObject BaseBody(IReadOnlyDictionary<string, JsonElement> properties, ValidValues valid)
    {
        var body = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            body[name] = valid.Field(name, schema);
        }

        return body;
    }

    private static string Short(string value) =>
        value.Length > 40 ? $"{value[..20]}…({value.Length} chars)" : value.Replace("\0", "\\0", StringComparison.Ordinal);

    /// <summary>Encodes a body for sending; returns null content for a null body.</summary>
    public static HttpContent? Content(FuzzRequest request)
    {
        if (request.Body is null)
        {
            return null;
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
        if (request.ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }

        return content;
    }
}
