using System.CommandLine;
using System.Globalization;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client.Contracts;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr groups list | tree | create | move | rename | delete</c>: the building / floor / area tree.</summary>
public static class GroupCommands
{
    /// <summary>The <c>groups</c> command.</summary>
    public static Command Build(CommandKit kit)
    {
        var groups = Command("groups", "Groups of resources: buildings, floors, areas (changes need resources.manage)");
        var all = Opt<bool>("--all", "Every page, not only the first 100");
        groups.Subcommands.Add(kit.Run(Command("list", "Groups by name", all), AuthMode.Optional, async inv =>
        {
            var page = await Pages.CollectAsync(cursor => inv.Api.Organisation.GroupsAsync(100, cursor, inv.Ct), inv.Get(all));
            inv.Print.Result(page.Body, console =>
            {
                var table = Table($"Groups ({page.Items.Count})", "Name", "Kind", "Parent", "Id");
                foreach (var g in page.Items)
                {
                    table.AddRow(E(g.Name), E(g.Kind), $"[grey]{g.ParentId?.ToString() ?? "-"}[/]", $"[grey]{g.Id}[/]");
                }

                console.WriteTable(table);
            });
        }));
        groups.Subcommands.Add(kit.Run(Command("tree", "The whole tree with the resources of each subtree"), AuthMode.Optional, async inv =>
        {
            var answer = await inv.Api.Organisation.TreeAsync(inv.Ct);
            inv.Print.Result(answer.Body, console =>
            {
                var tree = new Tree("[bold]Groups[/]");
                void Add(IHasTreeNodes parent, IEnumerable<GroupNodeView> nodes)
                {
                    foreach (var n in nodes)
                    {
                        Add(parent.AddNode($"{E(n.Name)} [grey]({E(n.Kind)}, {n.ResourceCount.ToString(CultureInfo.InvariantCulture)} resources, {n.Id})[/]"), n.Children);
                    }
                }

                Add(tree, answer.Value);
                console.Write(tree);
            });
        }));

        var name = Arg("name", "The group's name (no '/')");
        var kind = Opt<string?>("--kind", "building, floor, area or other (default other)");
        var parent = Opt<string?>("--parent", "Parent group: id or path such as \"Building A\"");
        var description = Opt<string?>("--description", "What it is");
        groups.Subcommands.Add(kit.Run(Command("create", "Add a group", name, kind, parent, description), AuthMode.Required, async inv =>
        {
            Guid? parentId = inv.Get(parent) is { } p ? await GroupLookup.ResolveAsync(inv, p) : null;
            var answer = await inv.Api.Organisation.CreateGroupAsync(new CreateGroupRequest(inv.Get(name), inv.Get(kind), parentId, inv.Get(description)), inv.Ct);
            inv.Print.Result(answer.Body, _ => { });
            inv.Print.Done($"Group {E(answer.Value.Name)} created ({answer.Value.Id})");
        }));

        var to = Opt<string?>("--to", "New parent group: id or path");
        var root = Opt<bool>("--root", "Move to the top of the tree");
        groups.Subcommands.Add(kit.Run(Command("move", "Move a group under another (or to the top with --root)", GroupArg(out var group), to, root), AuthMode.Required, async inv =>
        {
            if ((inv.Get(to) is null) == !inv.Get(root))
            {
                throw CliException.Usage("Give either --to <group> or --root.");
            }

            var id = await GroupLookup.ResolveAsync(inv, inv.Get(group)!);
            Guid? parentId = inv.Get(to) is { } t ? await GroupLookup.ResolveAsync(inv, t) : null;
            var answer = await inv.Api.Organisation.UpdateGroupAsync(id, new UpdateGroupRequest(ParentId: parentId, ToRoot: inv.Get(root) ? true : null), inv.Ct);
            inv.Print.Result(answer.Body, _ => { });
            inv.Print.Done($"Group {E(answer.Value.Name)} moved");
        }));

        var newName = Arg("new-name", "The new name");
        groups.Subcommands.Add(kit.Run(Command("rename", "Rename a group", GroupArg(out var renamed), newName), AuthMode.Required, async inv =>
        {
            var id = await GroupLookup.ResolveAsync(inv, inv.Get(renamed)!);
            var answer = await inv.Api.Organisation.UpdateGroupAsync(id, new UpdateGroupRequest(Name: inv.Get(newName)), inv.Ct);
            inv.Print.Result(answer.Body, _ => { });
            inv.Print.Done($"Group renamed to {E(answer.Value.Name)}");
        }));
        groups.Subcommands.Add(kit.Run(Command("delete", "Delete an empty group", GroupArg(out var deleted)), AuthMode.Required, async inv =>
        {
            var id = await GroupLookup.ResolveAsync(inv, inv.Get(deleted)!);
            await inv.Api.Organisation.DeleteGroupAsync(id, inv.Ct);
            inv.Print.Result("{}", _ => { });
            inv.Print.Done($"Group {id} deleted");
        }));
        return groups;
    }

    private static Argument<string> GroupArg(out Argument<string> argument) =>
        argument = Arg("group", "Group id or path such as \"Building A/Floor 2\"");
}
