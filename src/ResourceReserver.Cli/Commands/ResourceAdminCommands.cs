using System.CommandLine;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Input;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Models;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr resources create | enable | disable | reset | maintenance | delete</c> (administrators).</summary>
public static class ResourceAdminCommands
{
    /// <summary>The administration subcommands.</summary>
    public static IEnumerable<Command> Build(CommandKit kit)
    {
        var name = Arg("name", "The new resource's name (unique)");
        var tags = Opt<string?>("--tags", "Tags: a,b");
        var capacity = Opt<int?>("--capacity", "How many bookings may overlap (default 1)");
        var zone = Opt<string?>("--time-zone", "IANA time zone, e.g. Europe/Paris (default UTC)");
        var location = Opt<string?>("--location", "Where it is");
        var description = Opt<string?>("--description", "What it is");
        yield return kit.Run(Command("create", "Create a resource", name, tags, capacity, zone, location, description), AuthMode.Required, async inv =>
        {
            var request = new CreateResourceRequest(
                inv.Get(name), inv.Get(description), ResourceCommands.Tags(inv.Get(tags)), inv.Get(capacity), inv.Get(zone), null, inv.Get(location), null);
            var created = await inv.Api.Resources.CreateAsync(request, inv.Ct);
            inv.Print.Result(created.Body, console => console.Write(ResourceRender.Details(created.Value)));
        });

        foreach (var (verb, status, help) in new[]
        {
            ("enable", "available", "Make a resource bookable again"),
            ("disable", "disabled", "Stop bookings of a resource"),
            ("reset", "available", "End maintenance now (back to available)"),
        })
        {
            var resource = Arg("resource", "Resource id or exact name");
            yield return kit.Run(Command(verb, help, resource), AuthMode.Required, inv => SetStatusAsync(inv, inv.Get(resource)!, status, null));
        }

        var target = Arg("resource", "Resource id or exact name");
        var resetAfter = Opt<string?>("--reset-after", "Return to available by itself after this long: 8h, 90m, PT8H");
        yield return kit.Run(Command("maintenance", "Put a resource in maintenance (no bookings)", target, resetAfter), AuthMode.Required, inv =>
            SetStatusAsync(inv, inv.Get(target)!, "maintenance", inv.Get(resetAfter) is { } after ? DurationText.Parse(after, "--reset-after") : null));

        var doomed = Arg("resource", "Resource id or exact name");
        var yes = Opt<bool>("--yes", "Do not ask; required when rr cannot ask", "-y");
        yield return kit.Run(Command("delete", "Delete a resource; its future reservations are cancelled and their owners told", doomed, yes), AuthMode.Required,
            inv => DeleteAsync(inv, inv.Get(doomed)!, inv.Get(yes)));
    }

    private static async Task SetStatusAsync(Invocation inv, string resourceText, string status, TimeSpan? resetAfter)
    {
        var resource = await inv.ResourceAsync(resourceText);
        var answer = await inv.Api.Resources.SetStatusAsync(resource.Id, new SetStatusRequest(status, resetAfter is { } r ? DurationText.Iso(r) : null), inv.Ct);
        var zone = TimeFormat.Zone(resource.TimeZone);
        inv.Print.Result(answer.Body, _ => { });
        inv.Print.Done($"[cyan]{Printer.E(resource.Name)}[/] is now {Printer.Status(answer.Value.Status)}"
            + (answer.Value.StatusResetsAt is { } at ? $" until {Printer.E(TimeFormat.At(at, zone))}" : ""));
    }

    private static async Task DeleteAsync(Invocation inv, string resourceText, bool yes)
    {
        var resource = await inv.ResourceAsync(resourceText);
        if (!yes)
        {
            if (!inv.Context.Interactive)
            {
                throw CliException.Usage("Deleting needs --yes when rr cannot ask (standard input is not a terminal).");
            }

            if (!inv.Context.Error.Confirm($"Delete [cyan]{Printer.E(resource.Name)}[/] and cancel its future reservations?", defaultValue: false))
            {
                throw CliException.Usage("Not deleted.");
            }
        }

        await inv.Api.Resources.DeleteAsync(resource.Id, inv.Ct);
        inv.Print.Result("{}", _ => { });
        inv.Print.Done($"Deleted [cyan]{Printer.E(resource.Name)}[/]");
    }
}
