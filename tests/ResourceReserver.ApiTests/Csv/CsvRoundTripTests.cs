using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Csv;

/// <summary>The export of a whole host imports back unchanged; its own host, so every resource in it is this test's.</summary>
public sealed class CsvRoundTripTests : IAsyncLifetime
{
    private readonly ApiFixture _api = new();

    public Task InitializeAsync() => _api.InitializeAsync();

    public Task DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task Export_then_import_then_export_is_identical()
    {
        var group = (await (await _api.Admin.PostAsJsonAsync("/api/v1/groups", new { name = "Building A", kind = "building" })).JsonAsync()).GetProperty("id").GetGuid();
        var import = "name,description,tags,capacity,timeZone,location,group,available\r\n"
            + "\"Round, trip\",\"Line one\nline two \",\"a,b\",5,Asia/Tokyo,\"Hall \"\"B\"\"\",,false\r\n"
            + $"Plain,,,1,UTC,,{group},true\r\n"
            + "Ünïcödé 会议室,  spaced  ,x,2,Europe/Paris,Étage 3,Building A,true\r\n";
        var first = await _api.Admin.ImportAsync(import);
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        await _api.NewResourceAsync(name: "Made by the API", tags: ["api"]);
        var maintenance = await _api.NewResourceAsync(name: "Under repair");
        await _api.Admin.PutAsJsonAsync($"/api/v1/resources/{maintenance}/status", new { status = "maintenance" });

        var exported = await _api.Anonymous().ExportAsync();
        var again = await _api.Admin.ImportAsync(exported);
        Assert.True(again.StatusCode == HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        var counts = await again.JsonAsync();
        Assert.Equal(0, counts.GetProperty("created").GetInt32());
        Assert.Equal(5, counts.GetProperty("updated").GetInt32());
        var reexported = await _api.Anonymous().ExportAsync();

        Assert.Equal(exported, reexported);
        Assert.StartsWith("name,description,tags,capacity,timeZone,location,group,available\r\n", exported);
        Assert.Contains("\"Round, trip\",\"Line one\nline two \",\"a,b\",5,Asia/Tokyo,\"Hall \"\"B\"\"\",,false\r\n", exported);
        Assert.Contains($"Ünïcödé 会议室,  spaced  ,x,2,Europe/Paris,Étage 3,{group},true\r\n", exported);
        Assert.EndsWith(",false", exported.Split("\r\n").Single(line => line.StartsWith("Under repair,", StringComparison.Ordinal)));
        Assert.Equal("maintenance", (await _api.Admin.GetOkAsync($"/api/v1/resources/{maintenance}")).GetProperty("status").GetString());
    }
}
