using System.Net;
using System.Text.Json.Nodes;
using ResourceReserver.ApiTests.Endpoints;

namespace ResourceReserver.ApiTests.Fuzz;

/// <summary>
/// Every JSON body of the OpenAPI document, with one misspelled field, or with a bare local time in each
/// instant field: a 422 that names the field. Enumerated from the document, so new endpoints are covered. Only the
/// OAuth2 token endpoint's body is open (<c>additionalProperties</c> not false): RFC 6749 section 3.2 makes it
/// ignore parameters it does not know.
/// </summary>
public sealed class BodyContractTests(FuzzFixture api) : IClassFixture<FuzzFixture>
{
    [Fact]
    public async Task A_misspelled_field_and_a_bare_local_time_are_422s_naming_the_field_on_every_body()
    {
        var operations = FuzzOperation.From(await api.Admin.GetOkAsync("/openapi/v1.json")).Where(o => o.BodyProperties is not null).ToList();
        var valid = await ValidValues.SeedAsync(api);
        var failures = new List<string>();
        var checkedInstants = 0;
        foreach (var operation in operations)
        {
            var path = operation.PathParameters.Aggregate(operation.Path, (p, name) => p.Replace($"{{{name}}}", valid.PathValue(operation.Path, name)));
            var body = new JsonObject(operation.BodyProperties!.Select(p => KeyValuePair.Create(p.Key, valid.Field(p.Key, p.Value))));

            if (operation.RefusesUnknownFields)
            {
                var typo = (JsonObject)body.DeepClone();
                typo["definitelyNotAField"] = 1;
                await ExpectAsync(operation, path, typo, "unknown_field", "definitelyNotAField", failures);
            }

            foreach (var instant in operation.BodyProperties!.Where(p => p.Value.TryGetProperty("format", out var f) && f.GetString() == "date-time"))
            {
                var local = (JsonObject)body.DeepClone();
                local[instant.Key] = "2027-01-10T09:00:00";
                await ExpectAsync(operation, path, local, "validation_failed", instant.Key, failures);
                checkedInstants++;
            }
        }

        Assert.Equal(["/api/v1/auth/token"], operations.Where(o => !o.RefusesUnknownFields).Select(o => o.Path));
        Assert.True(operations.Count >= 15 && checkedInstants >= 8, $"Only {operations.Count} bodies and {checkedInstants} instant fields were found.");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private async Task ExpectAsync(FuzzOperation operation, string path, JsonObject body, string code, string field, List<string> failures)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path)
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await api.Admin.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.UnprocessableEntity || !text.Contains($"\"code\":\"{code}\"", StringComparison.Ordinal)
            || !text.Contains($"\"{field}\":", StringComparison.Ordinal))
        {
            failures.Add($"{operation.Method} {operation.Path} with {field}: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
        }
    }
}
