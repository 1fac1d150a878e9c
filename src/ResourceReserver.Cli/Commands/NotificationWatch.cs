using System.CommandLine;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client.Http;
using ResourceReserver.Client.Models;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Commands;

/// <summary>
/// <c>rr notifications watch</c>: your notifications as they happen, over SignalR (<c>/hubs/live</c>), and with
/// <c>--resource</c> that resource's availability changes too. A live table on a terminal; one line per message
/// otherwise, and one JSON object per line with <c>--json</c>.
/// </summary>
public static class NotificationWatch
{
    /// <summary>The <c>watch</c> command.</summary>
    public static Command Build(CommandKit kit)
    {
        var count = Opt<int?>("--count", "Stop after this many messages");
        var resource = Opt<string?>("--resource", "Also show availability changes of this resource");
        return kit.Run(Command("watch", "Live notifications until Ctrl+C", count, resource), AuthMode.Required, inv => WatchAsync(inv, inv.Get(count), inv.Get(resource)));
    }

    private static async Task WatchAsync(Invocation inv, int? count, string? resourceText)
    {
        var watched = resourceText is null ? null : await inv.ResourceAsync(resourceText);
        var messages = Channel.CreateUnbounded<(string Kind, JsonElement Body)>();
        var store = inv.Session.Store;
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(inv.Session.Server.Url, "hubs/live"), options => options.AccessTokenProvider = async () =>
                (await store.FreshAsync(async (token, ct) => (await inv.Session.Anonymous.Auth.RefreshAsync(token, ct)).Value, force: false, inv.Ct)).AccessToken)
            .WithAutomaticReconnect()
            .Build();
        connection.On<JsonElement>("notification", body => messages.Writer.TryWrite(("notification", body)));
        connection.On<JsonElement>("availabilityChanged", body => messages.Writer.TryWrite(("availabilityChanged", body)));
        await connection.StartAsync(inv.Ct);
        if (watched is not null)
        {
            await connection.InvokeAsync("SubscribeResource", watched.Id, inv.Ct);
        }

        inv.Print.Note($"Watching {(watched is null ? "" : $"{E(watched.Name)} and ")}your notifications on {E(inv.Session.Server.Display)} (Ctrl+C to stop).");
        var zone = watched is null ? inv.Context.LocalZone : TimeFormat.Zone(watched.TimeZone);
        var seen = 0;
        var table = Table("Live", "When", "What", "Message");
        async Task<bool> NextAsync(Action<string, JsonElement> show)
        {
            try
            {
                var (kind, body) = await messages.Reader.ReadAsync(inv.Ct);
                show(kind, body);
                return count is null || ++seen < count;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        if (inv.Print.Json || !inv.Print.Out.Profile.Capabilities.Interactive)
        {
            while (await NextAsync((kind, body) =>
            {
                if (inv.Print.Json)
                {
                    inv.Print.Raw(JsonSerializer.Serialize(new { type = kind, data = body }));
                }
                else
                {
                    inv.Print.Out.MarkupLine(string.Join("  ", Row(kind, body, zone)));
                }
            }))
            {
            }

            return;
        }

        await inv.Print.Out.Live(table).StartAsync(async live =>
        {
            while (await NextAsync((kind, body) =>
            {
                table.InsertRow(0, Row(kind, body, zone));
                live.Refresh();
            }))
            {
            }
        });
    }

    private static string[] Row(string kind, JsonElement body, NodaTime.DateTimeZone zone)
    {
        if (kind == "notification")
        {
            var n = body.Deserialize<LiveNotification>(ApiJson.Options)!;
            return NotificationCommands.Row(n, zone);
        }

        var type = body.TryGetProperty("type", out var t) ? t.GetString() : "change";
        var at = body.TryGetProperty("occurredAt", out var o) ? o.GetDateTimeOffset() : DateTimeOffset.UtcNow;
        var range = body.TryGetProperty("start", out var s) && s.ValueKind == JsonValueKind.String && body.TryGetProperty("end", out var e) && e.ValueKind == JsonValueKind.String
            ? TimeFormat.Range(s.GetDateTimeOffset(), e.GetDateTimeOffset(), zone)
            : "";
        var status = body.TryGetProperty("status", out var st) ? st.GetString() : null;
        return [E(TimeFormat.At(at, zone)), $"[blue]{E(type)}[/]", $"{E(range)} {(status is null ? "" : Status(status))}".Trim()];
    }
}
