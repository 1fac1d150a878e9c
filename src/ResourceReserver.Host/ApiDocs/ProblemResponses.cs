using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ResourceReserver.Contracts;

namespace ResourceReserver.Host.ApiDocs;

/// <summary>
/// The RFC 9457 problem answers of every <c>/api</c> operation, as <c>application/problem+json</c> with the shared
/// <c>Problem</c> schema (its <c>code</c> is one of <see cref="ProblemCode.All"/>). Which statuses an operation can
/// answer follows from what it is: every one can meet an unreadable request (400), a refused value or header (422)
/// and a back-end hiccup (503); signed-in ones 401 and 403; ones naming something 404; changes 409; bodies 413/415.
/// </summary>
public sealed class ProblemResponses : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    /// <summary>The problem schema's name in the components.</summary>
    public const string SchemaName = "Problem";

    private const string ProblemJson = "application/problem+json";

    // Operations that answer 410 (a hold or an offer that lapsed) or 404 for something their body names.
    private static readonly HashSet<string> Gone = ["ConfirmHold", "AcceptWaitlistOffer"];
    private static readonly HashSet<string> NamesInBody =
        ["CreateReservation", "CreateReservationSeries", "CreateHold", "JoinWaitlist", "AssignRole", "AssignRoleByName", "Authorize"];

    // The token endpoints refuse credentials with 401 although anyone may call them.
    private static readonly HashSet<string> ChecksCredentials = ["Token", "RevokeToken", "IntrospectToken"];

    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[SchemaName] = ProblemSchema();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var signedIn = SecuritySchemes.NeedsSignIn(description.ActionDescriptor.EndpointMetadata);
        if (description.RelativePath is null || (!description.RelativePath.StartsWith("api/", StringComparison.Ordinal) && !signedIn))
        {
            return Task.CompletedTask;
        }

        var method = description.HttpMethod ?? "GET";
        var name = operation.OperationId ?? "";
        var changes = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        var hasBody = description.ParameterDescriptions.Any(p => p.Source.Id == "Body") || name is "Token" or "ImportResources";
        var statuses = new SortedSet<int> { 400, 422, 503 };
        if (signedIn || ChecksCredentials.Contains(name))
        {
            statuses.Add(401);
        }

        if (signedIn)
        {
            statuses.Add(403);
        }

        if (description.RelativePath.Contains('{', StringComparison.Ordinal) || NamesInBody.Contains(name))
        {
            statuses.Add(404);
        }

        if (changes && !ChecksCredentials.Contains(name) && name != "Logout")
        {
            statuses.Add(409);
        }

        if (Gone.Contains(name))
        {
            statuses.Add(410);
        }

        if (hasBody)
        {
            statuses.UnionWith([413, 415]);
        }

        operation.Responses ??= [];
        foreach (var status in statuses)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.TryGetValue(key, out var existing) && existing.Content?.ContainsKey(ProblemJson) == true)
            {
                continue;
            }

            operation.Responses[key] = new OpenApiResponse
            {
                Description = Describe(status),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemJson] = new() { Schema = new OpenApiSchemaReference(SchemaName, context.Document) },
                },
            };
        }

        return Task.CompletedTask;
    }

    private static string Describe(int status) => status switch
    {
        400 => "The request cannot be read (not JSON, a broken form, a NUL character): `malformed_request` and the like.",
        401 => "Not signed in, or the credentials are wrong: `unauthorized`, `invalid_credentials`, `mfa_required` and the like.",
        403 => "Signed in but not allowed: `forbidden`, `insufficient_scope`.",
        404 => "What the request names does not exist (or is not yours to see): `*_not_found`.",
        409 => "The change conflicts with the current state: `booking_conflict`, `name_taken`, `already_cancelled` and the like.",
        410 => "It lapsed: `hold_expired`, `offer_expired`.",
        413 => "The body is over 1 MB: `payload_too_large`.",
        415 => "The Content-Type or charset is not accepted: `unsupported_media_type`, `unsupported_charset`.",
        422 => "A value, field or header is refused, named in `errors`: `validation_failed`, `unknown_field` and the rule's own codes.",
        _ => "A back-end component did not answer in time; retry after `Retry-After` seconds: `temporarily_unavailable`.",
    };

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem. `title` and `detail` follow Accept-Language (en, es, fr); `code` and the field names never change.",
        Required = new HashSet<string> { "type", "title", "status", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = "The RFC 9110 section of the status." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What kind of problem it is, in the answer's language." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "What went wrong this time." },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "Stable snake_case code: act on this, not on the texts.",
                Enum = [.. ProblemCode.All.Select(c => c.Value).Order(StringComparer.Ordinal).Select(c => (JsonNode)JsonValue.Create(c)!)],
            },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Field (or header) → messages, for validation problems.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["conflicts"] = Intervals("The booked intervals a booking conflict ran into."),
            ["suggestions"] = Intervals("Free intervals of the requested length nearby."),
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
        Examples =
        [
            new JsonObject
            {
                ["type"] = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
                ["title"] = "Booking conflict",
                ["status"] = 409,
                ["detail"] = "The requested time is already booked.",
                ["code"] = "booking_conflict",
                ["conflicts"] = new JsonArray(new JsonObject { ["start"] = "2027-01-10T09:00:00Z", ["end"] = "2027-01-10T10:00:00Z" }),
                ["suggestions"] = new JsonArray(new JsonObject { ["start"] = "2027-01-10T10:00:00Z", ["end"] = "2027-01-10T11:00:00Z" }),
            },
        ],
    };

    private static OpenApiSchema Intervals(string description) => new()
    {
        Type = JsonSchemaType.Array,
        Description = description,
        Items = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "start", "end" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["start"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                ["end"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
            },
        },
    };
}
