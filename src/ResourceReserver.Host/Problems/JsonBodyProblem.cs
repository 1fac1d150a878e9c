using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using ResourceReserver.Client.Http;
using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Problems;

/// <summary>
/// Turns a JSON body the framework could not bind into the problem a client can act on: 400 when the body is not
/// JSON at all (with where it breaks), 422 <c>unknown_field</c> for a property no request has (a typo must not be
/// a silent no-op), and 422 <c>validation_failed</c> naming the field and the form it expects otherwise.
/// </summary>
public static class JsonBodyProblem
{
    private const string InstantForm = "an ISO 8601 instant with an offset, e.g. 2027-01-10T09:00:00+01:00";

    /// <summary>Keeps JSON bodies readable twice, so a failed bind can tell bad JSON from a bad value.</summary>
    public static WebApplication UseReadableJsonBodies(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.HasJsonContentType())
            {
                // At most 1 MB (Kestrel's limit), kept in memory.
                context.Request.EnableBuffering();
            }

            return next(context);
        });
        return app;
    }

    /// <summary>The status, code, detail and field errors for a body that failed to bind with <paramref name="failure"/>.</summary>
    public static async Task<(int Status, ProblemCode Code, string Detail, Dictionary<string, string[]>? Errors)> DescribeAsync(
        HttpContext context, JsonException failure)
    {
        if (!await IsJsonAsync(context.Request))
        {
            return (400, ProblemCode.MalformedRequest, $"The body is not valid JSON: {failure.Message}", null);
        }

        var field = FieldOf(failure.Path);
        if (failure.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return (422, ProblemCode.UnknownField, $"'{field}' is not a field of this request; check its spelling.",
                new Dictionary<string, string[]> { [field] = ["Unknown field."] });
        }

        var message = failure.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            || failure.Message.StartsWith("The JSON object contains a trailing comma", StringComparison.Ordinal)
            || failure.Message.StartsWith("Cannot get the value of a token type", StringComparison.Ordinal)
            ? $"Expected {ExpectedForm(context, failure.Path)}."
            : failure.Message;
        return (422, ProblemCode.ValidationFailed, $"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });
    }

    private static async Task<bool> IsJsonAsync(HttpRequest request)
    {
        if (!request.Body.CanSeek)
        {
            return false;
        }

        request.Body.Position = 0;
        try
        {
            using var _ = await JsonDocument.ParseAsync(request.Body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary><c>$.rules.minDurationMinutes</c> → <c>rules.minDurationMinutes</c>; the body itself is "body".</summary>
    private static string FieldOf(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>What the endpoint's body type expects at <paramref name="path"/>, found by walking its JSON contract.</summary>
    private static string ExpectedForm(HttpContext context, string? path)
    {
        // The exception handler clears the endpoint before it runs; its feature keeps the one that failed.
        var endpoint = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
        var bodyType = endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
        if (bodyType is null)
        {
            return "a value of another type";
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var type = bodyType;
        foreach (var segment in (path ?? "$").TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Split('[')[0];
            var info = options.GetTypeInfo(type);
            if (info.Properties.FirstOrDefault(p => p.Name == name) is not { } property)
            {
                return "a value of another type";
            }

            type = property.PropertyType;
            if (segment.Contains('[') && options.GetTypeInfo(type).ElementType is { } element)
            {
                type = element;
            }
        }

        return Describe(Nullable.GetUnderlyingType(type) ?? type, options);
    }

    private static string Describe(Type type, JsonSerializerOptions options) => type switch
    {
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => InstantForm,
        _ when type == typeof(TimeSpan) => IsoDurationConverter.ExpectedForm,
        _ when type == typeof(DateOnly) => "a date, e.g. 2027-01-10",
        _ when type == typeof(Guid) => "a UUID, e.g. 0193b1c4-5f6e-7a8b-9c0d-1e2f3a4b5c6d",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(string) => "a string",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number",
        _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "a number",
        _ when type.IsEnum => "one of: " + string.Join(", ", Enum.GetNames(type).Select(n => JsonNamingPolicy.SnakeCaseLower.ConvertName(n))),
        _ => options.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "a list",
            JsonTypeInfoKind.Dictionary => "an object of names to values",
            _ => "an object",
        },
    };
}
