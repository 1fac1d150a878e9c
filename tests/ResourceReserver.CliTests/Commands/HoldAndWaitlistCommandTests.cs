using System.Text.Json;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.CliTests.Fixtures;

namespace ResourceReserver.CliTests.Commands;

[Collection(CliCollection.Name)]
public sealed class HoldAndWaitlistCommandTests(CliFixture fixture)
{
    [Fact]
    public async Task A_hold_blocks_the_slot_until_confirmed_into_a_reservation_with_the_same_id()
    {
        var resource = await fixture.NewResourceAsync();
        var rid = resource.GetProperty("id").GetString()!;
        using var user = await fixture.NewUserAsync("holder");
        var day = Dates.Ahead(10);
        var hold = JsonDocument.Parse((await user.OkAsync("holds", "create", rid, $"{day} 09:00", "1h", "--json")).Out).RootElement;
        Assert.Equal("held", hold.GetProperty("status").GetString());
        var id = hold.GetProperty("id").GetString()!;
        Assert.Contains("held", (await user.OkAsync("holds", "show", id)).Out);
        (await fixture.Admin.RunAsync(["reserve", rid, $"{day} 09:30", "30m"])).Expect(ExitCodes.Refused);
        var confirmed = JsonDocument.Parse((await user.OkAsync("holds", "confirm", id, "--json")).Out).RootElement;
        Assert.Equal(id, confirmed.GetProperty("id").GetString());
        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_released_hold_frees_the_slot()
    {
        var resource = await fixture.NewResourceAsync();
        var rid = resource.GetProperty("id").GetString()!;
        using var user = await fixture.NewUserAsync("releaser");
        var day = Dates.Ahead(10);
        var id = JsonDocument.Parse((await user.OkAsync("holds", "create", rid, $"{day} 15:00", "1h", "--json")).Out).RootElement.GetProperty("id").GetString()!;
        await user.OkAsync("holds", "release", id);
        (await user.RunAsync(["holds", "show", id])).Expect(ExitCodes.Refused);
        await fixture.Admin.OkAsync("reserve", rid, $"{day} 15:00", "1h");
    }

    [Fact]
    public async Task Waiting_for_a_busy_slot_brings_an_offer_when_it_frees_and_accepting_books_it()
    {
        var resource = await fixture.NewResourceAsync();
        var rid = resource.GetProperty("id").GetString()!;
        using var owner = await fixture.NewUserAsync("owner");
        using var waiter = await fixture.NewUserAsync("waiter");
        var day = Dates.Ahead(11);
        var booked = JsonDocument.Parse((await owner.OkAsync("reserve", rid, $"{day} 10:00", "1h", "--json")).Out).RootElement.GetProperty("id").GetString()!;
        var entry = JsonDocument.Parse((await waiter.OkAsync("waitlist", "join", "--resource", resource.GetProperty("name").GetString()!, "--start", $"{day} 10:00", "--end", "1h", "--json")).Out).RootElement;
        Assert.Equal("waiting", entry.GetProperty("status").GetString());
        Assert.Equal(1, entry.GetProperty("position").GetInt32());
        var id = entry.GetProperty("id").GetString()!;
        Assert.Contains(id, (await waiter.OkAsync("waitlist", "list")).Out);

        await owner.OkAsync("reservations", "cancel", booked);
        var offered = await EventuallyAsync(waiter, id, "offered");
        Assert.Contains("accept before", offered);
        var accepted = JsonDocument.Parse((await waiter.OkAsync("waitlist", "accept", id, "--json")).Out).RootElement;
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Empty(JsonDocument.Parse((await waiter.OkAsync("waitlist", "list", "--json")).Out).RootElement.GetProperty("items").EnumerateArray());
        Assert.Single(JsonDocument.Parse((await waiter.OkAsync("waitlist", "list", "--include-completed", "--json")).Out).RootElement.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Leaving_and_declining_end_an_entry()
    {
        var resource = await fixture.NewResourceAsync();
        var rid = resource.GetProperty("id").GetString()!;
        await fixture.Admin.OkAsync("reserve", rid, $"{Dates.Ahead(12)} 10:00", "1h");
        using var waiter = await fixture.NewUserAsync("leaver");
        var id = JsonDocument.Parse((await waiter.OkAsync("waitlist", "join", "--resource", rid, "--start", $"{Dates.Ahead(12)} 10:00", "--end", $"{Dates.Ahead(12)} 11:00", "--json")).Out).RootElement.GetProperty("id").GetString()!;
        var left = JsonDocument.Parse((await waiter.OkAsync("waitlist", "leave", id, "--json")).Out).RootElement;
        Assert.Equal("left", left.GetProperty("status").GetString());
        var decline = (await waiter.RunAsync(["waitlist", "decline", id])).Expect(ExitCodes.Refused);
        Assert.Contains("error", decline.Error);
    }

    private static async Task<string> EventuallyAsync(CliUser user, string id, string status)
    {
        // The waitlist records the offer right after the cancellation's write; poll, bounded, for that state.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var shown = await user.OkAsync("waitlist", "status", id);
            if (shown.Out.Contains(status, StringComparison.Ordinal))
            {
                return shown.Out;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"entry {id} never became {status}");
    }
}
