using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Csv;

[Collection(ApiCollection.Name)]
public sealed class CsvImportTests(ApiFixture api)
{
    [Fact]
    public async Task A_preview_counts_creates_and_updates_and_writes_nothing()
    {
        var m = ApiCalls.Marker();
        await api.NewResourceAsync(name: $"Existing {m}");
        var csv = $"name,capacity\r\nexisting {m},4\r\nNew {m},2\r\n";

        var response = await api.Admin.ImportAsync(csv, dryRun: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.JsonAsync();
        Assert.Equal(2, preview.GetProperty("rows").GetInt32());
        Assert.Equal(1, preview.GetProperty("wouldCreate").GetInt32());
        Assert.Equal(1, preview.GetProperty("wouldUpdate").GetInt32());
        Assert.Empty(preview.GetProperty("errors").EnumerateArray());
        var stored = Assert.Single(await api.Admin.NamedAsync(m));
        Assert.Equal(1, stored.GetProperty("capacity").GetInt32());
    }

    [Fact]
    public async Task An_import_with_bom_crlf_quoted_tags_any_column_order_and_a_group_path_creates_and_updates()
    {
        var m = ApiCalls.Marker();
        var building = (await (await api.Admin.PostAsJsonAsync("/api/v1/groups", new { name = $"Building {m}", kind = "building" })).JsonAsync()).GetProperty("id").GetGuid();
        var floor = (await (await api.Admin.PostAsJsonAsync("/api/v1/groups", new { name = "Floor 2", kind = "floor", parentId = building })).JsonAsync()).GetProperty("id").GetGuid();
        var existing = await api.NewResourceAsync(name: $"Room {m} A");
        var csv = "available,timeZone,tags,name,group,capacity,location,description\r\n"
            + $"false,Europe/Paris,\"meeting,Projector\",Room {m} B,Building {m}/Floor 2,8,\"Floor 2, east\",\"Says \"\"hi\"\"\"\r\n"
            + $"true,,,ROOM {m} a,{building},3,,\r\n";

        var response = await api.Admin.ImportAsync(csv, bom: true);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = await response.JsonAsync();
        Assert.Equal(1, result.GetProperty("created").GetInt32());
        Assert.Equal(1, result.GetProperty("updated").GetInt32());
        var created = (await api.Admin.NamedAsync(m)).Single(r => r.GetProperty("name").GetString() == $"Room {m} B");
        Assert.Equal(["meeting", "projector"], created.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(8, created.GetProperty("capacity").GetInt32());
        Assert.Equal("Europe/Paris", created.GetProperty("timeZone").GetString());
        Assert.Equal("Floor 2, east", created.GetProperty("location").GetString());
        Assert.Equal("Says \"hi\"", created.GetProperty("description").GetString());
        Assert.Equal(floor, created.GetProperty("groupId").GetGuid());
        Assert.Equal("disabled", created.GetProperty("status").GetString());
        var updated = await api.Admin.GetOkAsync($"/api/v1/resources/{existing}");
        Assert.Equal(3, updated.GetProperty("capacity").GetInt32());
        Assert.Equal(building, updated.GetProperty("groupId").GetGuid());
        Assert.Equal($"ROOM {m} a", updated.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_multipart_upload_imports_the_file()
    {
        var m = ApiCalls.Marker();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"name,tags,available\n\"Laptop {m}\",\"portable,laptop\",true\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "resources.csv");

        var response = await api.Admin.PostAsync("/api/v1/resources/import", form);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(1, (await response.JsonAsync()).GetProperty("created").GetInt32());
        Assert.Single(await api.Admin.NamedAsync(m));
    }

    public static TheoryData<string, string, int, string?> MalformedFiles() => new()
    {
        { "bad quoting", "name,capacity\r\nGood {m},1\r\nBad\"{m},1\r\n", 2, null },
        { "unterminated quote", "name,capacity\r\nGood {m},1\r\n\"Open {m},1\r\n", 2, null },
        { "unknown column", "name,colour\r\nGood {m},red\r\n", 0, "colour" },
        { "missing name column", "capacity,tags\r\n1,x\r\n", 0, "name" },
        { "duplicate column", "name,capacity,Capacity\r\nGood {m},1,2\r\n", 0, "capacity" },
        { "too few fields", "name,capacity,tags\r\nGood {m},1,x\r\nShort {m},1\r\n", 2, null },
        { "bad capacity", "name,capacity\r\nGood {m},1\r\nBad {m},lots\r\n", 2, "capacity" },
        { "capacity out of range", "name,capacity\r\nGood {m},1\r\nBad {m},0\r\n", 2, "capacity" },
        { "bad time zone", "name,timeZone\r\nGood {m},UTC\r\nBad {m},Mars/Olympus\r\n", 2, "timeZone" },
        { "unknown group path", "name,group\r\nGood {m},\r\nBad {m},Nowhere {m}/Floor 9\r\n", 2, "group" },
        { "unknown group id", "name,group\r\nGood {m},\r\nBad {m},0193b1c4-5f6e-7a8b-9c0d-1e2f3a4b5c6d\r\n", 2, "group" },
        { "bad available", "name,available\r\nGood {m},true\r\nBad {m},maybe\r\n", 2, "available" },
        { "empty name", "name,capacity\r\nGood {m},1\r\n,1\r\n", 2, "name" },
        { "name twice", "name\r\nGood {m}\r\ngood {m}\r\n", 2, "name" },
        { "empty file", "", 0, null },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public async Task A_malformed_file_is_refused_with_row_and_column_and_nothing_is_imported(string kind, string template, int row, string? column)
    {
        var m = ApiCalls.Marker();

        var response = await api.Admin.ImportAsync(template.Replace("{m}", m));

        var errors = await response.RefusedAsync();
        Assert.True(errors.Any(e => e.Row == row && e.Column == column), $"{kind}: no error at row {row}, column {column}: {string.Join("; ", errors)}");
        Assert.Empty(await api.Admin.NamedAsync(m));
    }

    [Fact]
    public async Task A_file_of_10001_rows_is_refused_at_row_10001_and_one_of_10000_is_previewed()
    {
        var m = ApiCalls.Marker();
        var rows = string.Concat(Enumerable.Range(1, 10_001).Select(i => $"Bulk {m} {i}\r\n"));

        var errors = await (await api.Admin.ImportAsync("name\r\n" + rows)).RefusedAsync();
        Assert.Contains(errors, e => e.Row == 10_001);
        Assert.Empty(await api.Admin.NamedAsync(m));

        var preview = await (await api.Admin.ImportAsync("name\r\n" + rows[..rows.LastIndexOf($"Bulk {m} 10001", StringComparison.Ordinal)], dryRun: true)).JsonAsync();
        Assert.Equal(10_000, preview.GetProperty("wouldCreate").GetInt32());
        Assert.Empty(preview.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task Import_refuses_other_media_types_bad_dry_run_values_and_callers_without_resources_manage()
    {
        await (await api.Admin.PostAsJsonAsync("/api/v1/resources/import", new { name = "x" })).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await (await api.Admin.PostAsync("/api/v1/resources/import?dryRun=maybe", new StringContent("name\r\nx\r\n", Encoding.UTF8, "text/csv")))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        using var empty = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        await (await api.Admin.PostAsync("/api/v1/resources/import", empty)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        var (user, _) = await api.NewUserAsync();
        await (await user.ImportAsync("name\r\nNope\r\n")).AssertProblemAsync(HttpStatusCode.Forbidden, null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous().ImportAsync("name\r\nNope\r\n")).StatusCode);
    }
}
