using System.CommandLine;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Input;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client.Contracts;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr holds create | show | confirm | release</c>: a slot kept for a few minutes while you decide.</summary>
public static class HoldCommands
{
    /// <summary>The <c>holds</c> command.</summary>
    public static Command Build(CommandKit kit)
    {
        var resource = Arg("resource", "Resource id or exact name");
        var start = Arg("start", "Start in the resource's zone");
        var duration = Arg("duration", "2h, 90m, PT2H or an end time");
        var quantity = Opt<int?>("--quantity", "Units (default 1)");
        var holds = Command("holds", "Hold a slot, then confirm or release it");
        holds.Subcommands.Add(kit.Run(Command("create", "Hold a slot; it lapses by itself unless confirmed", resource, start, duration, quantity), AuthMode.Required, async inv =>
        {
            var target = await inv.ResourceAsync(inv.Get(resource)!);
            var zone = TimeFormat.Zone(target.TimeZone);
            var (from, to) = BookingWindow.Parse(inv.Get(start)!, inv.Get(duration), zone, inv.Now, TimeSpan.FromHours(1));
            var answer = await inv.Api.Holds.CreateAsync(new CreateHoldRequest(target.Id.ToString(), from, to, inv.Get(quantity)), inv.Ct);
            inv.Print.Result(answer.Body, console => console.Write(Details(answer.Value, target.Name, zone, inv)));
        }));

        var showId = Arg("id", "Hold id");
        holds.Subcommands.Add(kit.Run(Command("show", "A standing hold", showId), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Holds.GetAsync(Invocation.Id(inv.Get(showId), "id"), inv.Ct);
            var target = await inv.ResourceOrNullAsync(answer.Value.ResourceId);
            inv.Print.Result(answer.Body, console => console.Write(Details(answer.Value, target?.Name ?? "deleted", TimeFormat.Zone(target?.TimeZone), inv)));
        }));

        var confirmId = Arg("id", "Hold id");
        holds.Subcommands.Add(kit.Run(Command("confirm", "Turn a hold into a reservation (same id)", confirmId), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Holds.ConfirmAsync(Invocation.Id(inv.Get(confirmId), "id"), inv.Ct);
            var panel = await ReservationRender.DetailsAsync(inv, answer.Value, "[green]confirmed[/]");
            inv.Print.Result(answer.Body, console => console.Write(panel));
        }));

        var releaseId = Arg("id", "Hold id");
        holds.Subcommands.Add(kit.Run(Command("release", "Let a held slot go (the waitlist gets it)", releaseId), AuthMode.Required, async inv =>
        {
            var id = Invocation.Id(inv.Get(releaseId), "id");
            await inv.Api.Holds.ReleaseAsync(id, inv.Ct);
            inv.Print.Result("{}", _ => { });
            inv.Print.Done($"Hold {id} released");
        }));
        return holds;
    }

    private static Panel Details(HoldView hold, string resourceName, NodaTime.DateTimeZone zone, Invocation inv)
    {
        var left = hold.ExpiresAt - inv.Now.ToDateTimeOffset();
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow("[bold]Resource[/]", $"[cyan]{E(resourceName)}[/]");
        grid.AddRow("[bold]When[/]", E(TimeFormat.Range(hold.Start, hold.End, zone)));
        grid.AddRow("[bold]Held until[/]", $"{E(TimeFormat.At(hold.ExpiresAt, zone))}" + (left > TimeSpan.Zero ? $" [yellow]({E(DurationText.Format(TimeSpan.FromSeconds(Math.Ceiling(left.TotalSeconds))))} left)[/]" : ""));
        grid.AddRow("[bold]Id[/]", $"[grey]{hold.Id}[/]");
        grid.AddRow("", $"[grey]rr holds confirm {hold.Id}[/]");
        return new Panel(grid).Header(Status(hold.Status)).RoundedBorder();
    }
}
