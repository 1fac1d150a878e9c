using System.Net;
using System.Text;
using System.Text.Json;
using ResourceReserver.ApiTests.Endpoints;

namespace ResourceReserver.ApiTests.Csv;

/// <summary>Sending CSV files to the import and reading the answers.</summary>
internal static class CsvCalls
{
    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string csv, bool dryRun = false, bool bom = false)
    {
        var bytes = (bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return client.PostAsync("/api/v1/resources/import" + (dryRun ? "?dryRun=true" : ""), content);
    }

    /// <summary>Asserts a 422 <c>csv_invalid</c> and returns its errors as (row, column) pairs.</summary>
    public static async Task<List<(int Row, string? Column, string Message)>> RefusedAsync(this HttpResponseMessage response)
    {
        var body = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "csv_invalid");
        return Errors(body);
    }

    public static List<(int Row, string? Column, string Message)> Errors(JsonElement body) =>
        body.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").ValueKind == JsonValueKind.Null ? null : e.GetProperty("column").GetString(), e.GetProperty("message").GetString()!))
            .ToList();

    public static async Task<string> ExportAsync(this HttpClient client, string url = "/api/v1/resources/export.csv")
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The live resources whose name contains <paramref name="marker"/>.</summary>
    public static async Task<List<JsonElement>> NamedAsync(this HttpClient client, string marker) =>
        await client.ItemsAsync($"/api/v1/resources?q={marker}&limit=100");
}
