using System.Text.Json;
using ResourceReserver.CliTests.Fixtures;

namespace ResourceReserver.CliTests.Golden;

/// <summary>
/// The human tables, byte for byte, at 160 columns without colour (NO_COLOR). The data is fixed: resources with a
/// ten-year horizon booked in 2030 around the spring-forward night in Paris, so the zone abbreviation changes.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class GoldenTableTests(CliFixture fixture) : IAsyncLifetime
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static CliUser? _booker;

    public async Task InitializeAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_booker is not null)
            {
                return;
            }

            object Resource(string name, string zone, string[] tags, int capacity, string? location) => new
            {
                name, timeZone = zone, tags, capacity, location, rules = new { maxHorizonDays = 3650 },
                businessHours = Enumerable.Range(0, 7).Select(d => new { day = ((DayOfWeek)d).ToString().ToLowerInvariant(), opens = "08:00", closes = "18:00" }),
            };
            await fixture.PostAsAdminAsync("api/v1/resources", Resource("Golden Boardroom", "Europe/Paris", ["golden", "room", "video"], 1, "Paris, 3rd floor"));
            await fixture.PostAsAdminAsync("api/v1/resources", Resource("Golden Desk 4", "America/New_York", ["golden", "desk"], 1, null));
            var booker = await fixture.NewUserAsync("golden");
            await booker.OkAsync("reserve", "Golden Boardroom", "2030-03-30 10:00", "2h", "--title", "Quarterly review");
            await booker.OkAsync("reserve", "Golden Boardroom", "2030-04-01 10:00", "90m", "--title", "Board meeting");
            await booker.OkAsync("reserve", "Golden Desk 4", "2030-03-30 09:00", "PT8H");
            _booker = booker;
        }
        finally
        {
            Once.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Resources_list() =>
        GoldenFile.Match("resources-list", (await fixture.Admin.OkAsync("resources", "list", "--tags", "golden")).Out);

    [Fact]
    public async Task Reservations_list_in_each_resources_zone() =>
        GoldenFile.Match("reservations-list", (await _booker!.OkAsync("reservations", "list")).Out);

    [Fact]
    public async Task Slots_on_the_spring_forward_day() =>
        GoldenFile.Match("slots", (await fixture.Admin.OkAsync("resources", "slots", "Golden Boardroom", "--date", "2030-03-31", "--duration", "2h")).Out);

    [Fact]
    public async Task Availability_across_the_spring_forward_night() =>
        GoldenFile.Match("availability", (await fixture.Admin.OkAsync("resources", "availability", "Golden Boardroom", "--from", "2030-03-30 08:00", "--until", "2030-04-01 18:00")).Out);

    [Fact]
    public async Task Resource_details() =>
        GoldenFile.Match("resource-show", (await fixture.Admin.OkAsync("resources", "show", "Golden Boardroom")).Out);

    [Fact]
    public async Task A_refused_booking_with_its_suggestions()
    {
        using var other = await fixture.NewUserAsync("golden2");
        var refused = await other.RunAsync(["reserve", "Golden Boardroom", "2030-03-30 11:00", "1h"]);
        GoldenFile.Match("conflict", $"exit {refused.ExitCode}\n{refused.Error}");
    }

    [Fact]
    public async Task The_human_reservation_json_matches_the_api()
    {
        var page = (await _booker!.OkAsync("reservations", "list", "--json")).Out.TrimEnd('\n');
        Assert.Equal(await fixture.GetAsync(_booker, "api/v1/reservations?limit=100"), page);
        Assert.Equal(3, JsonDocument.Parse(page).RootElement.GetProperty("items").GetArrayLength());
    }
}
