using System.Text.Json;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.CliTests.Fixtures;

namespace ResourceReserver.CliTests.Commands;

[Collection(CliCollection.Name)]
public sealed class ReservationCommandTests(CliFixture fixture)
{
    [Fact]
    public async Task Reserve_reads_a_local_time_in_the_resources_zone_and_json_is_the_created_reservation()
    {
        var resource = await fixture.NewResourceAsync(zone: "America/New_York");
        using var user = await fixture.NewUserAsync("booker");
        var day = Dates.Ahead(5);
        var created = JsonDocument.Parse((await user.OkAsync("reserve", resource.GetProperty("name").GetString()!, $"{day} 14:00", "1h30m", "--title", "Review", "--json")).Out).RootElement;
        var start = created.GetProperty("start").GetDateTimeOffset();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        Assert.Equal(new DateTime(DateOnly.Parse(day), new TimeOnly(14, 0)), TimeZoneInfo.ConvertTime(start, zone).DateTime);
        Assert.Equal(TimeSpan.FromMinutes(90), created.GetProperty("end").GetDateTimeOffset() - start);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal(await fixture.GetAsync(user, $"api/v1/reservations/{id}"), (await user.OkAsync("reservations", "show", id, "--json")).Out.TrimEnd('\n'));
        var human = (await user.OkAsync("reservations", "show", id)).Out;
        Assert.Contains("14:00–15:30 E", human);
        Assert.Contains("America/New_York", human);
    }

    [Fact]
    public async Task A_conflict_exits_2_and_prints_why_and_the_suggested_free_slots_in_the_resources_zone()
    {
        var resource = await fixture.NewResourceAsync(zone: "Europe/Paris");
        var id = resource.GetProperty("id").GetString()!;
        var day = Dates.Ahead(6);
        await fixture.Admin.OkAsync("reserve", id, $"{day} 10:00", "2h");
        using var user = await fixture.NewUserAsync("late");
        var refused = (await user.RunAsync(["reservations", "create", id, $"{day} 11:00", "1h"])).Expect(ExitCodes.Refused);
        Assert.Contains("booking_conflict", refused.Error);
        Assert.Contains("Already booked:", refused.Error);
        Assert.Contains("10:00–12:00", refused.Error);
        Assert.Contains("Free slots of the same length:", refused.Error);
        Assert.Contains("12:00–13:00", refused.Error);
        Assert.Equal("", refused.Out);
    }

    [Fact]
    public async Task A_weekly_series_books_every_occurrence_through_an_rrule()
    {
        var resource = await fixture.NewResourceAsync(zone: "Europe/London");
        using var user = await fixture.NewUserAsync("series");
        var day = Dates.Ahead(7);
        var series = JsonDocument.Parse((await user.OkAsync(
            "reservations", "create", resource.GetProperty("id").GetString()!, $"{day} 09:00", "1h", "--recurrence", "weekly", "--count", "3", "--title", "Standup", "--json")).Out).RootElement;
        var starts = series.GetProperty("reservations").EnumerateArray().Select(r => r.GetProperty("start").GetDateTimeOffset()).ToList();
        Assert.Equal(3, starts.Count);
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.Equal(7, (pair.Second.Date - pair.First.Date).Days));
        var first = series.GetProperty("reservations")[0].GetProperty("id").GetString()!;
        var cancelled = JsonDocument.Parse((await user.OkAsync("reservations", "cancel", first, "--series", "all", "--json")).Out).RootElement;
        Assert.Equal(3, cancelled.GetArrayLength());
    }

    [Fact]
    public async Task Recurrence_options_without_an_end_are_a_usage_error()
    {
        var resource = await fixture.NewResourceAsync();
        var result = (await fixture.Admin.RunAsync(["reservations", "create", resource.GetProperty("id").GetString()!, "tomorrow 9:00", "1h", "--recurrence", "daily"])).Expect(ExitCodes.Usage);
        Assert.Contains("--count", result.Error);
    }

    [Fact]
    public async Task Move_keeps_the_length_history_lists_events_ics_is_icalendar_and_cancel_sets_the_reason()
    {
        var resource = await fixture.NewResourceAsync();
        using var user = await fixture.NewUserAsync("mover");
        var day = Dates.Ahead(8);
        var id = JsonDocument.Parse((await user.OkAsync("reserve", resource.GetProperty("id").GetString()!, $"{day} 09:00", "2h", "--json")).Out).RootElement.GetProperty("id").GetString()!;
        var moved = JsonDocument.Parse((await user.OkAsync("reservations", "move", id, $"{day} 13:00", "--json")).Out).RootElement;
        Assert.Equal(DateTimeOffset.Parse($"{day}T13:00:00Z"), moved.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(DateTimeOffset.Parse($"{day}T15:00:00Z"), moved.GetProperty("end").GetDateTimeOffset());
        var history = JsonDocument.Parse((await user.OkAsync("reservations", "history", id, "--json")).Out).RootElement;
        Assert.Equal(["reservation.created", "reservation.updated"], history.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        var ics = (await user.OkAsync("reservations", "ics", id)).Out;
        Assert.StartsWith("BEGIN:VCALENDAR", ics);
        Assert.Contains($"UID:{id}@resource-reserver", ics);
        var cancelled = JsonDocument.Parse((await user.OkAsync("reservations", "cancel", id, "--reason", "plans changed", "--json")).Out).RootElement;
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal("plans changed", cancelled.GetProperty("cancelReason").GetString());
        var again = (await user.RunAsync(["reservations", "cancel", id])).Expect(ExitCodes.Refused);
        Assert.Contains("already_cancelled", again.Error);
    }

    [Fact]
    public async Task List_leaves_out_cancelled_ones_unless_asked_and_upcoming_shows_what_is_ahead()
    {
        var resource = await fixture.NewResourceAsync();
        var rid = resource.GetProperty("id").GetString()!;
        using var user = await fixture.NewUserAsync("lister");
        var kept = JsonDocument.Parse((await user.OkAsync("reserve", rid, $"{Dates.Ahead(9)} 09:00", "1h", "--json")).Out).RootElement.GetProperty("id").GetString();
        var dropped = JsonDocument.Parse((await user.OkAsync("reserve", rid, $"{Dates.Ahead(9)} 11:00", "1h", "--json")).Out).RootElement.GetProperty("id").GetString()!;
        await user.OkAsync("reservations", "cancel", dropped);
        static IEnumerable<string?> Ids(string json) => JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString());
        Assert.Equal([kept], Ids((await user.OkAsync("reservations", "list", "--json")).Out));
        Assert.Equal([kept, dropped], Ids((await user.OkAsync("reservations", "list", "--include-cancelled", "--json")).Out));
        Assert.Equal([kept], Ids((await user.OkAsync("upcoming", "--json")).Out));
        Assert.Contains(resource.GetProperty("name").GetString()!, (await user.OkAsync("upcoming")).Out);
    }

    [Theory]
    [InlineData("next tuesday-ish", "2h", "is not a time")]
    [InlineData("2026-13-45 10:00", "2h", "is not a time")]
    [InlineData("tomorrow 9:00", "forever", "neither a duration")]
    [InlineData("tomorrow 9:00", "0m", "neither a duration")]
    public async Task Malformed_times_and_durations_are_usage_errors_naming_what_is_accepted(string start, string length, string message)
    {
        var resource = await fixture.NewResourceAsync();
        var result = (await fixture.Admin.RunAsync(["reservations", "create", resource.GetProperty("id").GetString()!, start, length])).Expect(ExitCodes.Usage);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task Reserve_requires_its_duration_and_unknown_options_are_usage_errors()
    {
        (await fixture.Admin.RunAsync(["reserve", "Room", "tomorrow 9:00"])).Expect(ExitCodes.Usage);
        (await fixture.Admin.RunAsync(["reservations", "list", "--no-such-option"])).Expect(ExitCodes.Usage);
        (await fixture.Admin.RunAsync(["reservations", "show", "not-an-id"])).Expect(ExitCodes.Usage);
    }
}
