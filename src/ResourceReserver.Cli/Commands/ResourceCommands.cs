using System.CommandLine;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Input;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client;
using static ResourceReserver.Cli.Hosting.CommandKit;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr resources ...</c>: browsing here, schedules and administration in their own classes.</summary>
public static class ResourceCommands
{
    /// <summary>The <c>resources</c> command.</summary>
    public static Command Build(CommandKit kit)
    {
        var tags = Opt<string?>("--tags", "Only resources with all these tags (a,b)");
        var status = Opt<string?>("--status", "available, disabled or maintenance");
        var all = Opt<bool>("--all", "Every page, not only the first 100");
        var query = Opt<string?>("--query", "Words in the name, description or location", "-q");
        var from = Opt<string?>("--from", "Start of the window to be free (your own time zone unless it has an offset)");
        var until = Opt<string?>("--until", "End of that window");
        var availableOnly = Opt<bool>("--available-only", "Only resources free for the whole window");
        var resource = Arg("resource", "Resource id or exact name");
        var group = Opt<string?>("--group", "Only this group: id or path such as \"Building A/Floor 2\"");
        var subgroups = Opt<bool>("--subgroups", "With --group: its subgroups too");
        var minCapacity = Opt<int?>("--min-capacity", "At least this capacity");

        var resources = Command("resources", "Browse, book-ahead views and administration of resources");
        resources.Subcommands.Add(kit.Run(Command("list", "Resources, sorted by name", tags, status, group, subgroups, minCapacity, all), AuthMode.Optional,
            async inv =>
            {
                Guid? groupId = inv.Get(group) is { } g ? await GroupLookup.ResolveAsync(inv, g) : null;
                var query = new ResourceQuery(Tags: Tags(inv.Get(tags)), Status: inv.Get(status), Limit: 100, GroupId: groupId,
                    IncludeSubgroups: inv.Get(subgroups), MinCapacity: inv.Get(minCapacity));
                await ListAsync(inv, query, inv.Get(all));
            }));
        resources.Subcommands.Add(kit.Run(Command("search", "Find resources by words and free time", query, from, until, availableOnly, tags), AuthMode.Optional,
            inv => SearchAsync(inv, inv.Get(query), inv.Get(from), inv.Get(until), inv.Get(availableOnly), inv.Get(tags))));
        resources.Subcommands.Add(kit.Run(Command("show", "Everything about one resource", resource), AuthMode.Optional,
            async inv =>
            {
                var found = await inv.ResourceAsync(inv.Get(resource)!);
                var body = (await inv.Api.Resources.GetAsync(found.Id, inv.Ct)).Body;
                inv.Print.Result(body, console => console.Write(ResourceRender.Details(found)));
            }));
        foreach (var command in ResourceScheduleCommands.Build(kit).Concat(ResourceAdminCommands.Build(kit)).Concat(CsvCommands.ForResources(kit)))
        {
            resources.Subcommands.Add(command);
        }

        return resources;
    }

    /// <summary>Splits <c>a,b</c>.</summary>
    public static IReadOnlyList<string>? Tags(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static async Task ListAsync(Invocation inv, ResourceQuery query, bool all)
    {
        var page = await Pages.CollectAsync(cursor => inv.Api.Resources.ListAsync(query with { Cursor = cursor }, inv.Ct), all);
        inv.Print.Result(page.Body, console =>
        {
            console.WriteTable(ResourceRender.List(page.Items, $"Resources ({page.Items.Count})"));
            if (page.NextCursor is not null)
            {
                inv.Print.Note("More resources exist: add --all to list every page.");
            }
        });
    }

    private static async Task SearchAsync(Invocation inv, string? text, string? fromText, string? untilText, bool availableOnly, string? tags)
    {
        if ((fromText is null) != (untilText is null))
        {
            throw CliException.Usage("--from and --until go together.");
        }

        if (availableOnly && fromText is null)
        {
            throw CliException.Usage("--available-only needs a window: --from and --until.");
        }

        var zone = inv.Context.LocalZone;
        var from = fromText is null ? (DateTimeOffset?)null : TimeText.Parse(fromText, zone, inv.Now, "--from").ToDateTimeOffset();
        var until = untilText is null ? (DateTimeOffset?)null : TimeText.Parse(untilText, zone, inv.Now, "--until").ToDateTimeOffset();
        if (from >= until)
        {
            throw CliException.Usage("--until must be after --from.");
        }

        var query = new ResourceQuery(Text: text, Tags: Tags(tags), Limit: 100);
        var free = from is null ? null : await Pages.CollectAsync(c => inv.Api.Resources.ListAsync(query with { AvailableFrom = from, AvailableUntil = until, Cursor = c }, inv.Ct), all: true);
        var matches = availableOnly ? free! : await Pages.CollectAsync(c => inv.Api.Resources.ListAsync(query with { Cursor = c }, inv.Ct), all: true);
        var window = from is null ? "" : $" free {TimeFormat.Range(from.Value, until!.Value, zone)}";
        inv.Print.Result(matches.Body, console => console.WriteTable(ResourceRender.List(
            matches.Items,
            $"{matches.Items.Count} found{(text is null ? "" : $" for \"{text}\"")}{(availableOnly ? window : "")}",
            free is null || availableOnly ? null : free.Items.Select(r => r.Id).ToHashSet())));
        if (free is not null && !availableOnly && !inv.Print.Json)
        {
            inv.Print.Note($"Free: a unit is free for the whole window, {TimeFormat.Range(from!.Value, until!.Value, zone)}.");
        }
    }
}
