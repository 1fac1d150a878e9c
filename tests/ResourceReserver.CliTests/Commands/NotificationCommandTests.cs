using System.Text.Json;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.CliTests.Fixtures;

namespace ResourceReserver.CliTests.Commands;

[Collection(CliCollection.Name)]
public sealed class NotificationCommandTests(CliFixture fixture)
{
    [Fact]
    public async Task Watch_receives_a_notification_live_over_signalr()
    {
        var resource = await fixture.NewResourceAsync();
        using var user = await fixture.NewUserAsync("watcher");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var watch = user.RunAsync(["notifications", "watch", "--count", "1", "--json"], ct: timeout.Token);
        await WaitForWatchingAsync(user, watch);
        await user.OkAsync("reserve", resource.GetProperty("id").GetString()!, $"{Dates.Ahead(13)} 09:00", "1h");
        var result = (await watch).Expect(ExitCodes.Ok);
        var line = JsonDocument.Parse(result.Out.Trim()).RootElement;
        Assert.Equal("notification", line.GetProperty("type").GetString());
        Assert.Equal("reservation_confirmed", line.GetProperty("data").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Watch_with_a_resource_also_shows_its_availability_changes_as_lines_when_not_on_a_terminal()
    {
        var resource = await fixture.NewResourceAsync();
        using var user = await fixture.NewUserAsync("watcher2");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var watch = user.RunAsync(["notifications", "watch", "--resource", resource.GetProperty("name").GetString()!, "--count", "2"], ct: timeout.Token);
        await WaitForWatchingAsync(user, watch);
        await fixture.Admin.OkAsync("reserve", resource.GetProperty("id").GetString()!, $"{Dates.Ahead(13)} 11:00", "1h");
        var result = (await watch).Expect(ExitCodes.Ok);
        Assert.Contains("reservation.created", result.Out);
    }

    [Fact]
    public async Task List_shows_the_feed_and_read_all_marks_it_read()
    {
        var resource = await fixture.NewResourceAsync();
        using var user = await fixture.NewUserAsync("reader");
        await user.OkAsync("reserve", resource.GetProperty("id").GetString()!, $"{Dates.Ahead(14)} 09:00", "1h");
        JsonElement page = default;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            page = JsonDocument.Parse((await user.OkAsync("notifications", "list", "--unread", "--json")).Out).RootElement;
            if (page.GetProperty("items").GetArrayLength() > 0)
            {
                break;
            }

            await Task.Delay(100); // the dispatcher writes the feed right after the booking commits
        }

        Assert.Equal("reservation_confirmed", page.GetProperty("items")[0].GetProperty("kind").GetString());
        Assert.Contains("Reservation confirmed", (await user.OkAsync("notifications", "list")).Out);
        var marked = JsonDocument.Parse((await user.OkAsync("notifications", "read-all", "--json")).Out).RootElement;
        Assert.True(marked.GetProperty("marked").GetInt32() >= 1);
        Assert.Equal(0, JsonDocument.Parse((await user.OkAsync("notifications", "list", "--unread", "--json")).Out).RootElement.GetProperty("items").GetArrayLength());
    }

    /// <summary>Waits until the watcher says it is connected (its stderr line), or fails if it ended first.</summary>
    private static async Task WaitForWatchingAsync(CliUser user, Task<CliResult> watch)
    {
        for (var attempt = 0; attempt < 300 && !watch.IsCompleted; attempt++)
        {
            if (user.LastError.Contains("Watching", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(50);
        }

        var ended = await watch;
        throw new Xunit.Sdk.XunitException($"watch never connected: exit {ended.ExitCode}\n{ended.Error}");
    }
}
