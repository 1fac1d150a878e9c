using System.CommandLine;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr calendar url | rotate</c>: the secret feed calendar apps subscribe to.</summary>
public static class CalendarCommands
{
    /// <summary>The <c>calendar</c> command.</summary>
    public static Command Build(CommandKit kit) => Command(
        "calendar",
        "Your reservations as a calendar feed",
        kit.Run(Command("url", "Print your secret feed URL (treat it like a password)"), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Integrations.CalendarAsync(inv.Ct);
            inv.Print.Result(answer.Body, console => console.WriteLine(answer.Value.Url));
            inv.Print.Note("Subscribe to it in your calendar app; anyone with this URL sees your reservations (rr calendar rotate replaces it).");
        }),
        kit.Run(Command("rotate", "Replace the feed URL; the old one stops working"), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Integrations.RotateCalendarAsync(inv.Ct);
            inv.Print.Result(answer.Body, console => console.WriteLine(answer.Value.Url));
            inv.Print.Note("The old URL no longer works.");
        }));
}
