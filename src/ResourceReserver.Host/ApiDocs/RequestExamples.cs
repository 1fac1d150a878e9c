using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ResourceReserver.Host.ApiDocs;

/// <summary>
/// Example bodies for the calls people try first, and the token endpoint's body (its handler reads a form or JSON
/// itself, so the generator sees none).
/// </summary>
public sealed class RequestExamples : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, Func<JsonObject>> Examples = new()
    {
        ["Register"] = () => new() { ["username"] = "alice", ["password"] = "Str0ng-Passw0rd!", ["email"] = "alice@example.com" },
        ["CreateResource"] = () => new()
        {
            ["name"] = "Room 101", ["tags"] = new JsonArray("room", "projector"), ["capacity"] = 1, ["timeZone"] = "Europe/Paris", ["location"] = "Floor 1",
        },
        ["CreateReservation"] = () => new()
        {
            ["resourceId"] = "0193b1c4-5f6e-7a8b-9c0d-1e2f3a4b5c6d", ["start"] = "2027-01-10T09:00:00+01:00", ["end"] = "2027-01-10T10:00:00+01:00", ["title"] = "Planning",
        },
        ["CreateHold"] = () => new() { ["resourceId"] = "0193b1c4-5f6e-7a8b-9c0d-1e2f3a4b5c6d", ["start"] = "2027-01-10T09:00:00Z", ["end"] = "2027-01-10T10:00:00Z" },
        ["SetResourceStatus"] = () => new() { ["status"] = "maintenance", ["autoResetAfter"] = "PT8H" },
        ["SetHoldTiming"] = () => new() { ["holdDuration"] = "PT5M", ["offerWindow"] = "PT30M" },
        ["ApproveReservation"] = () => new() { ["message"] = "Enjoy the room." },
        ["RejectReservation"] = () => new() { ["message"] = "The room is being painted that week." },
        ["UpdateMe"] = () => new() { ["emailNotifications"] = true, ["reminderLeadTimesHours"] = new JsonArray(24, 1), ["language"] = "es" },
    };

    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId == "Token")
        {
            operation.RequestBody = TokenBody();
        }
        else if (operation.OperationId == "ImportResources")
        {
            operation.RequestBody = CsvBody();
        }
        else if (operation.OperationId is { } id && Examples.TryGetValue(id, out var example)
            && operation.RequestBody?.Content?.TryGetValue("application/json", out var json) == true)
        {
            json.Example = example();
        }

        return Task.CompletedTask;
    }

    private static OpenApiRequestBody TokenBody()
    {
        var fields = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "grant_type" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["grant_type"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. new[] { "password", "refresh_token", "client_credentials", "authorization_code" }.Select(g => (JsonNode)JsonValue.Create(g)!)],
                },
                ["username"] = Text("For grant_type=password."),
                ["password"] = Text("For grant_type=password."),
                ["mfa_code"] = Text("A current authenticator code or an unused backup code, when the account uses MFA."),
                ["refresh_token"] = Text("For grant_type=refresh_token; it rotates."),
                ["client_id"] = Text("For OAuth2 clients (or HTTP Basic)."),
                ["client_secret"] = Text("For OAuth2 clients (or HTTP Basic)."),
                ["scope"] = Text("Space-separated scopes a client asks for."),
                ["code"] = Text("For grant_type=authorization_code."),
                ["redirect_uri"] = Text("For grant_type=authorization_code."),
                ["code_verifier"] = Text("The PKCE verifier, for grant_type=authorization_code."),
            },
        };
        var example = new JsonObject { ["grant_type"] = "password", ["username"] = "alice", ["password"] = "Str0ng-Passw0rd!" };
        return new OpenApiRequestBody
        {
            Required = true,
            Description = "RFC 6749 fields, as a form or as a JSON object; parameters it does not know are ignored (RFC 6749 section 3.2).",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/x-www-form-urlencoded"] = new() { Schema = fields, Example = example },
                ["application/json"] = new() { Schema = fields, Example = example.DeepClone() },
            },
        };
    }

    private static OpenApiRequestBody CsvBody() => new()
    {
        Required = true,
        Description = "The CSV file: as the whole body (text/csv), or as the one file of a multipart form.",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["text/csv"] = new()
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = JsonValue.Create("name,tags,capacity,available\r\n\"Conference Room A\",\"meeting,projector\",8,true\r\n"),
            },
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                },
            },
        },
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
