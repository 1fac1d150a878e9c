using System.Text.Json;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;
using ResourceReserver.Contracts;
using ResourceReserver.Host.ApiDocs;

namespace ResourceReserver.ApiTests.Docs;

/// <summary>What <c>/openapi/v1.json</c> promises: security, problem answers, optionality, formats, texts.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentTests(ApiFixture api)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public async Task It_declares_the_bearer_scheme_and_the_token_endpoints_oauth2_flows()
    {
        var schemes = (await DocumentAsync()).GetProperty("components").GetProperty("securitySchemes");

        Assert.Equal("http", schemes.GetProperty("bearer").GetProperty("type").GetString());
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        var flows = schemes.GetProperty("oauth2").GetProperty("flows");
        Assert.Equal("/api/v1/auth/token", flows.GetProperty("password").GetProperty("tokenUrl").GetString());
        Assert.Equal("/api/v1/auth/token", flows.GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
        Assert.Equal("/api/v1/oauth/authorize", flows.GetProperty("authorizationCode").GetProperty("authorizationUrl").GetString());
    }

    [Fact]
    public async Task Signed_in_operations_require_a_token_and_anonymous_ones_do_not()
    {
        var operations = Operations(await DocumentAsync()).ToDictionary(o => o.Id, o => o.Operation);

        foreach (var id in new[] { "CreateReservation", "GetMe", "ListUsers", "CreateResource" })
        {
            var schemes = operations[id].GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList();
            Assert.Equal(["oauth2", "bearer"], schemes);
        }

        foreach (var id in new[] { "Register", "Token", "ListResources", "GetResource", "CalendarFeed" })
        {
            var requirement = Assert.Single(operations[id].GetProperty("security").EnumerateArray());
            Assert.Empty(requirement.EnumerateObject());
        }

        var oauth = operations["CreateResource"].GetProperty("security")[0].GetProperty("oauth2");
        Assert.Equal(["admin"], oauth.EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Every_operation_has_a_summary_a_description_and_its_problem_answers()
    {
        var document = await DocumentAsync();
        var failures = new List<string>();
        foreach (var (id, path, method, operation) in Operations(document))
        {
            var label = $"{method.ToUpperInvariant()} {path} ({id})";
            if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString())
                || !operation.TryGetProperty("description", out var description) || string.IsNullOrWhiteSpace(description.GetString()))
            {
                failures.Add($"{label}: no summary or description");
            }

            var responses = operation.GetProperty("responses");
            var expected = new List<string>();
            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                expected.AddRange(["400", "422"]);
            }

            if (operation.GetProperty("security")[0].EnumerateObject().Any())
            {
                expected.AddRange(["401", "403"]);
            }

            if (path.Contains('{', StringComparison.Ordinal))
            {
                expected.Add("404");
            }

            foreach (var status in expected)
            {
                if (!responses.TryGetProperty(status, out var response)
                    || response.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString() != "#/components/schemas/Problem")
                {
                    failures.Add($"{label}: no {status} problem answer");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Every_named_operation_has_its_texts_in_one_place()
    {
        var ids = Operations(await DocumentAsync()).Select(o => o.Id).Where(id => !id.StartsWith("Dashboard", StringComparison.Ordinal)).ToHashSet();

        Assert.Empty(ids.Except(OperationTexts.Described));
        Assert.Empty(OperationTexts.Described.Except(ids));
    }

    [Fact]
    public async Task The_problem_schema_lists_every_code()
    {
        var problem = (await DocumentAsync()).GetProperty("components").GetProperty("schemas").GetProperty("Problem");

        var codes = problem.GetProperty("properties").GetProperty("code").GetProperty("enum").EnumerateArray().Select(c => c.GetString()).ToHashSet();

        Assert.True(codes.SetEquals(ProblemCode.All.Select(c => c.Value)));
        Assert.Contains("code", problem.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Optional_fields_are_optional_and_required_ones_required()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        var booking = schemas.GetProperty("CreateReservationRequest");
        Assert.Equal(["end", "resourceId", "start"], booking.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Contains("null", Types(booking.GetProperty("properties").GetProperty("title")));
        Assert.DoesNotContain("null", Types(booking.GetProperty("properties").GetProperty("resourceId")));
        var profile = schemas.GetProperty("UpdateProfileRequest");
        Assert.False(profile.TryGetProperty("required", out var required) && required.GetArrayLength() > 0);
    }

    [Fact]
    public async Task Instants_durations_and_ids_carry_their_formats_and_examples()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        var start = schemas.GetProperty("CreateReservationRequest").GetProperty("properties").GetProperty("start");
        Assert.Equal("date-time", start.GetProperty("format").GetString());
        Assert.Contains("string", Types(start));
        Assert.True(DateTimeOffset.TryParse(start.GetProperty("examples")[0].GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        var hold = schemas.GetProperty("HoldTimingRequest").GetProperty("properties").GetProperty("holdDuration");
        Assert.Equal("duration", hold.GetProperty("format").GetString());
        Assert.Equal("PT1H30M", hold.GetProperty("examples")[0].GetString());
        var id = schemas.GetProperty("ReservationView").GetProperty("properties").GetProperty("id");
        Assert.Equal("uuid", id.GetProperty("format").GetString());
    }

    private async Task<JsonElement> DocumentAsync() => await api.Anonymous().GetOkAsync("/openapi/v1.json");

    private static IEnumerable<(string Id, string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select (method.Value.GetProperty("operationId").GetString()!, path.Name, method.Name, method.Value);

    private static IEnumerable<string?> Types(JsonElement schema) =>
        schema.GetProperty("type") is { ValueKind: JsonValueKind.Array } many ? many.EnumerateArray().Select(t => t.GetString()) : [schema.GetProperty("type").GetString()];
}
