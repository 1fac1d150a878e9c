using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Csv;

[Collection(ApiCollection.Name)]
public sealed class CsvConcurrencyTests(ApiFixture api)
{
    [Fact]
    public async Task Concurrent_imports_and_creates_of_clashing_names_store_each_name_once()
    {
        var m = ApiCalls.Marker();
        var names = Enumerable.Range(0, 40).Select(i => $"Clash {m} {i:D2}").ToList();
        var imports = Enumerable.Range(0, 6).Select(n => api.Admin.ImportAsync(
            "name,capacity\r\n" + string.Concat((n % 2 == 0 ? names : names.AsEnumerable().Reverse()).Select(name => $"{(n % 3 == 0 ? name.ToUpperInvariant() : name)},{n + 1}\r\n"))));
        var creates = names.Select(name => api.Admin.PostAsJsonAsync("/api/v1/resources", new { name = name.ToLowerInvariant() }));

        var answers = await Task.WhenAll(imports.Concat(creates));

        foreach (var answer in answers)
        {
            // 503 storage_contention: an import that met new claims of its names on every attempt and claimed nothing.
            Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity
                || (answer.StatusCode == HttpStatusCode.ServiceUnavailable && (await answer.Content.ReadAsStringAsync()).Contains("storage_contention")),
                $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        }

        var stored = await StoredNamesAsync(api.Factory.DatabasePath, m);
        Assert.Equal(names.Count, stored.Count);
        Assert.Equal(names.Select(n => n.ToLowerInvariant()).Order(), stored.Select(n => n.ToLowerInvariant()).Order());
    }

    private static async Task<List<string>> StoredNamesAsync(string databasePath, string marker)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json_extract(payload, '$.details.name') FROM resources WHERE deleted = 0 AND name_key LIKE @marker";
        command.Parameters.AddWithValue("@marker", $"%{marker}%");
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
