using System.Text.Json;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.CliTests.Fixtures;

namespace ResourceReserver.CliTests.Commands;

/// <summary><c>rr analytics</c> against a real host: tables, <c>--json</c> equal to the API's body, CSV to stdout and to a file, refusals.</summary>
[Collection(CliCollection.Name)]
public sealed class AnalyticsCommandTests(CliFixture fixture)
{
    [Fact]
    public async Task Each_report_prints_a_table_json_equal_to_the_api_and_csv()
    {
        var resource = await fixture.NewResourceAsync(capacity: 2);
        var id = resource.GetProperty("id").GetString()!;
        var day = Dates.Ahead(9);
        await fixture.Admin.OkAsync("reserve", id, $"{day} 09:00", "2h");
        string[] window = ["--from", $"{day}T00:00:00Z", "--until", $"{day}T23:59:00Z", "--resource", id];
        var query = $"from={day}T00:00:00Z&until={day}T23:59:00Z&resourceId={id}";

        foreach (var report in new[] { "utilization", "popular", "peak", "users", "dashboard" })
        {
            var json = (await fixture.Admin.OkAsync(["analytics", report, .. window, "--json"])).Out;
            var api = await fixture.GetAsync(fixture.Admin, $"api/v1/analytics/{report}?{query}");
            Assert.Equal(JsonDocument.Parse(api).RootElement.GetRawText(), JsonDocument.Parse(json).RootElement.GetRawText());
            Assert.False(string.IsNullOrWhiteSpace((await fixture.Admin.OkAsync(["analytics", report, .. window])).Out));
        }

        var utilization = JsonDocument.Parse((await fixture.Admin.OkAsync(["analytics", "utilization", .. window, "--json"])).Out).RootElement;
        Assert.Equal(2, Assert.Single(utilization.GetProperty("resources").EnumerateArray()).GetProperty("bookedHours").GetDouble());
        Assert.Contains("Utilisation", (await fixture.Admin.OkAsync(["analytics", "utilization", .. window])).Out);

        var csv = (await fixture.Admin.OkAsync(["analytics", "popular", .. window, "--csv"])).Out;
        Assert.StartsWith("rank,resourceId,name,bookings,bookedHours", csv);
        Assert.Contains(id, csv);
        var file = Path.Combine(fixture.Admin.ConfigHome, "peak.csv");
        await fixture.Admin.OkAsync(["analytics", "peak", .. window, "--time-zone", "Europe/Paris", "-o", file]);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(169, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("Europe/Paris,", StringComparison.Ordinal) && l.EndsWith(",1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Members_are_refused_and_bad_input_is_named()
    {
        using var member = await fixture.NewUserAsync("anamember");
        (await member.RunAsync(["analytics", "dashboard"])).Expect(ExitCodes.Refused);
        (await member.RunAsync(["analytics", "users", "--csv"])).Expect(ExitCodes.Refused);

        var zone = await fixture.Admin.RunAsync(["analytics", "peak", "--time-zone", "Mars/Olympus"]);
        zone.Expect(ExitCodes.Refused);
        Assert.Contains("timeZone", zone.Error);
        (await fixture.Admin.RunAsync(["analytics", "utilization", "--group", "not-a-uuid"])).Expect(ExitCodes.Usage);
    }
}
