using ResourceReserver.Cli.Hosting;
using ResourceReserver.CliTests.Fixtures;

namespace ResourceReserver.CliTests.Commands;

[Collection(CliCollection.Name)]
public sealed class CsvCommandTests(CliFixture fixture)
{
    [Fact]
    public async Task Upload_previews_then_refuses_a_bad_row_with_a_table_and_then_imports_the_fixed_file()
    {
        var m = Guid.NewGuid().ToString("N")[..8];
        var file = Path.Combine(fixture.Admin.ConfigHome, $"upload-{m}.csv");
        await File.WriteAllTextAsync(file, $"name,tags,capacity\r\n\"Room {m}\",\"meeting,projector\",4\r\nDesk {m},,many\r\n");

        var preview = (await fixture.Admin.RunAsync(["resources", "upload", file, "--preview"])).Expect(ExitCodes.Refused);
        Assert.Contains("2 rows", preview.Out);
        Assert.Contains("capacity", preview.Error);
        Assert.Contains("csv_invalid", preview.Error);

        var refused = (await fixture.Admin.RunAsync(["resources", "upload", file])).Expect(ExitCodes.Refused);
        Assert.Contains("many", refused.Error);
        Assert.Contains("csv_invalid", refused.Error);
        Assert.DoesNotContain(m, (await fixture.Admin.OkAsync("resources", "list", "--all")).Out);

        await File.WriteAllTextAsync(file, $"name,tags,capacity\r\n\"Room {m}\",\"meeting,projector\",4\r\nDesk {m},,2\r\n");
        var done = await fixture.Admin.OkAsync("resources", "upload", file);
        Assert.Contains("2 created, 0 updated", done.Error + done.Out);
        var json = (await fixture.Admin.OkAsync("resources", "upload", file, "--json")).Out;
        Assert.Contains("\"updated\":2", json);
    }

    [Fact]
    public async Task Upload_of_a_missing_file_is_a_usage_error_and_export_writes_the_file_only_when_complete()
    {
        (await fixture.Admin.RunAsync(["resources", "upload", "/nonexistent/file.csv"])).Expect(ExitCodes.Usage);

        var file = Path.Combine(fixture.Admin.ConfigHome, "exported.csv");
        await fixture.Admin.OkAsync("resources", "export", "-o", file);
        Assert.StartsWith("name,description,tags,capacity,timeZone,location,group,available\r\n", await File.ReadAllTextAsync(file));
        Assert.False(File.Exists(file + ".partial"));
    }

    [Fact]
    public async Task Reservations_export_streams_the_callers_reservations_as_csv()
    {
        var resource = await fixture.NewResourceAsync();
        var name = resource.GetProperty("name").GetString()!;
        await fixture.Admin.OkAsync("reservations", "create", name, "2027-03-10T09:00:00Z", "1h", "--title", "Exported");

        var csv = (await fixture.Admin.OkAsync("reservations", "export", "--resource", name)).Out;

        Assert.StartsWith("id,resourceId,userId,start,end,quantity,status,title,createdAt", csv);
        Assert.Contains("2027-03-10T09:00:00Z,2027-03-10T10:00:00Z,1,confirmed,Exported", csv);
        (await fixture.Admin.RunAsync(["reservations", "export", "--from", "yesterday"])).Expect(ExitCodes.Refused);
    }
}
