using System.CommandLine;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client.Contracts;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr labels list | create | merge | delete</c> and <c>rr tags rename | delete</c>.</summary>
public static class LabelCommands
{
    /// <summary>The <c>labels</c> command.</summary>
    public static Command Labels(CommandKit kit)
    {
        var labels = Command("labels", "Coloured category:value labels on resources (changes need resources.manage)");
        labels.Subcommands.Add(kit.Run(Command("list", "Every label"), AuthMode.Optional, async inv =>
        {
            var answer = await inv.Api.Organisation.LabelsAsync(inv.Ct);
            inv.Print.Result(answer.Body, console =>
            {
                var table = Table($"Labels ({answer.Value.Count})", "Category", "Value", "Colour", "Id");
                foreach (var l in answer.Value)
                {
                    table.AddRow(E(l.Category), E(l.Value), $"[{l.Color}]■[/] {E(l.Color)}", $"[grey]{l.Id}[/]");
                }

                console.WriteTable(table);
            });
        }));

        var category = Arg("category", "The label's category, e.g. equipment");
        var value = Arg("value", "Its value, e.g. projector");
        var color = Opt<string>("--color", "Colour as #RRGGBB", "--colour");
        color.DefaultValueFactory = _ => "#607D8B";
        labels.Subcommands.Add(kit.Run(Command("create", "Add a label", category, value, color), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Organisation.CreateLabelAsync(new LabelRequest(inv.Get(category), inv.Get(value), inv.Get(color)), inv.Ct);
            inv.Print.Result(answer.Body, _ => { });
            inv.Print.Done($"Label {E(answer.Value.Category)}:{E(answer.Value.Value)} created ({answer.Value.Id})");
        }));

        var source = Arg("label", "Label id or category:value");
        var into = Opt<string>("--into", "The label its resources move to (id or category:value)");
        into.Required = true;
        labels.Subcommands.Add(kit.Run(Command("merge", "Move every resource of a label to another and delete it", source, into), AuthMode.Required, async inv =>
        {
            var (from, to) = (await ResolveAsync(inv, inv.Get(source)!), await ResolveAsync(inv, inv.Get(into)!));
            var answer = await inv.Api.Organisation.MergeLabelAsync(from, to, inv.Ct);
            inv.Print.Result(answer.Body, _ => { });
            inv.Print.Done($"Merged into {E(answer.Value.Into.Category)}:{E(answer.Value.Into.Value)}: {answer.Value.ResourcesMoved} resources moved");
        }));

        var deleted = Arg("label", "Label id or category:value");
        labels.Subcommands.Add(kit.Run(Command("delete", "Delete a label (it leaves every resource)", deleted), AuthMode.Required, async inv =>
        {
            var id = await ResolveAsync(inv, inv.Get(deleted)!);
            await inv.Api.Organisation.DeleteLabelAsync(id, inv.Ct);
            inv.Print.Result("{}", _ => { });
            inv.Print.Done($"Label {id} deleted");
        }));
        return labels;
    }

    /// <summary>The <c>tags</c> command.</summary>
    public static Command Tags(CommandKit kit)
    {
        var tags = Command("tags", "Tags across every resource (resources.manage)");
        var tag = Arg("tag", "The tag");
        var name = Arg("new-name", "The new tag (merges into it if it exists)");
        tags.Subcommands.Add(kit.Run(Command("rename", "Rename a tag on every resource", tag, name), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Organisation.RenameTagAsync(inv.Get(tag)!, inv.Get(name)!, inv.Ct);
            inv.Print.Result(answer.Body, _ => { });
            inv.Print.Done($"Tag {E(answer.Value.Tag)} renamed to {E(answer.Value.RenamedTo)} on {answer.Value.ResourcesChanged} resources");
        }));

        var removed = Arg("tag", "The tag");
        tags.Subcommands.Add(kit.Run(Command("delete", "Remove a tag from every resource", removed), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Organisation.DeleteTagAsync(inv.Get(removed)!, inv.Ct);
            inv.Print.Result(answer.Body, _ => { });
            inv.Print.Done($"Tag {E(answer.Value.Tag)} removed from {answer.Value.ResourcesChanged} resources");
        }));
        return tags;
    }

    /// <summary>A label by id or <c>category:value</c> (case-insensitive), or a usage error.</summary>
    public static async Task<Guid> ResolveAsync(Invocation inv, string text)
    {
        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        var parts = text.Split(':', 2, StringSplitOptions.TrimEntries);
        var labels = (await inv.Api.Organisation.LabelsAsync(inv.Ct)).Value;
        return parts.Length == 2 && labels.FirstOrDefault(l =>
                string.Equals(l.Category, parts[0], StringComparison.OrdinalIgnoreCase) && string.Equals(l.Value, parts[1], StringComparison.OrdinalIgnoreCase)) is { } label
            ? label.Id
            : throw CliException.Usage($"No label '{text}': give an id or category:value (see rr labels list).");
    }
}
