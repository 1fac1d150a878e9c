using System.CommandLine;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client.Models;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr notifications list | read-all | watch</c>.</summary>
public static class NotificationCommands
{
    /// <summary>The <c>notifications</c> command.</summary>
    public static Command Build(CommandKit kit)
    {
        var unread = Opt<bool>("--unread", "Only unread ones");
        var all = Opt<bool>("--all", "Every page, not only the first 100");
        var notifications = Command("notifications", "Your notification feed, also live");
        notifications.Subcommands.Add(kit.Run(Command("list", "Your notifications, newest first", unread, all), AuthMode.Required, async inv =>
        {
            var page = await Pages.CollectAsync(c => inv.Api.Integrations.NotificationsAsync(inv.Get(unread), 100, c, inv.Ct), inv.Get(all));
            inv.Print.Result(page.Body, console =>
            {
                var table = Table($"Notifications ({page.Items.Count})", "", "When", "What", "Message");
                foreach (var n in page.Items)
                {
                    table.AddRow(n.ReadAt is null ? "[yellow]●[/]" : "[grey]○[/]", E(TimeFormat.At(n.CreatedAt, inv.Context.LocalZone)), $"[bold]{E(n.Title)}[/]", E(n.Body));
                }

                console.WriteTable(table);
            });
        }));
        notifications.Subcommands.Add(kit.Run(Command("read-all", "Mark every notification read"), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Integrations.ReadAllAsync(inv.Ct);
            inv.Print.Result(answer.Body, _ => { });
            inv.Print.Done($"{answer.Value.Marked} marked read");
        }));
        notifications.Subcommands.Add(NotificationWatch.Build(kit));
        return notifications;
    }

    /// <summary>One notification as a table row.</summary>
    public static string[] Row(LiveNotification n, NodaTime.DateTimeZone zone) =>
        [E(TimeFormat.At(n.CreatedAt, zone)), $"[bold]{E(n.Title)}[/]", E(n.Body)];
}
