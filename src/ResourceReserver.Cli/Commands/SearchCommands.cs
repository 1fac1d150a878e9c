using System.CommandLine;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client.Contracts;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr searches list | save | run | delete</c>: the signed-in user's saved resource searches.</summary>
public static class SearchCommands
{
    /// <summary>The <c>searches</c> command.</summary>
    public static Command Build(CommandKit kit)
    {
        var searches = Command("searches", "Your saved resource searches");
        searches.Subcommands.Add(kit.Run(Command("list", "Your saved searches"), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Organisation.SavedSearchesAsync(inv.Ct);
            inv.Print.Result(answer.Body, console =>
            {
                var table = Table($"Saved searches ({answer.Value.Items.Count})", "Name", "Query", "Id");
                foreach (var s in answer.Value.Items)
                {
                    table.AddRow(E(s.Name), E(Describe(s.Query)), $"[grey]{s.Id}[/]");
                }

                console.WriteTable(table);
            });
        }));

        var name = Arg("name", "A name for the search");
        var query = Opt<string?>("--query", "Words in the name, description or location", "-q");
        var tags = Opt<string?>("--tags", "All these tags (a,b)");
        var group = Opt<string?>("--group", "Group id or path such as \"Building A/Floor 2\"");
        var subgroups = Opt<bool>("--subgroups", "Include the group's subgroups");
        var labels = Opt<string?>("--labels", "All these labels (ids or category:value, comma-separated)");
        var minCapacity = Opt<int?>("--min-capacity", "At least this capacity");
        searches.Subcommands.Add(kit.Run(Command("save", "Save a search", name, query, tags, group, subgroups, labels, minCapacity), AuthMode.Required, async inv =>
        {
            Guid? groupId = inv.Get(group) is { } g ? await GroupLookup.ResolveAsync(inv, g) : null;
            var labelIds = new List<Guid>();
            foreach (var label in ResourceCommands.Tags(inv.Get(labels)) ?? [])
            {
                labelIds.Add(await LabelCommands.ResolveAsync(inv, label));
            }

            var saved = new SavedQuery(
                inv.Get(query), ResourceCommands.Tags(inv.Get(tags)), groupId, labelIds.Count > 0 ? labelIds : null, inv.Get(minCapacity),
                IncludeSubgroups: inv.Get(subgroups) ? true : null);
            var answer = await inv.Api.Organisation.SaveSearchAsync(new CreateSavedSearchRequest(inv.Get(name), saved), inv.Ct);
            inv.Print.Result(answer.Body, _ => { });
            inv.Print.Done($"Search {E(answer.Value.Name)} saved ({answer.Value.Id})");
        }));

        var all = Opt<bool>("--all", "Every page, not only the first 100");
        var run = Arg("search", "Saved search id or name");
        searches.Subcommands.Add(kit.Run(Command("run", "Run a saved search", run, all), AuthMode.Required, async inv =>
        {
            var id = await ResolveAsync(inv, inv.Get(run)!);
            var page = await Pages.CollectAsync(cursor => inv.Api.Organisation.RunSearchAsync(id, 100, cursor, inv.Ct), inv.Get(all));
            inv.Print.Result(page.Body, console => console.WriteTable(ResourceRender.List(page.Items, $"Resources ({page.Items.Count})")));
        }));

        var deleted = Arg("search", "Saved search id or name");
        searches.Subcommands.Add(kit.Run(Command("delete", "Delete a saved search", deleted), AuthMode.Required, async inv =>
        {
            var id = await ResolveAsync(inv, inv.Get(deleted)!);
            await inv.Api.Organisation.DeleteSearchAsync(id, inv.Ct);
            inv.Print.Result("{}", _ => { });
            inv.Print.Done($"Saved search {id} deleted");
        }));
        return searches;
    }

    private static async Task<Guid> ResolveAsync(Invocation inv, string text) =>
        Guid.TryParse(text, out var id)
            ? id
            : (await inv.Api.Organisation.SavedSearchesAsync(inv.Ct)).Value.Items.FirstOrDefault(s => string.Equals(s.Name, text, StringComparison.OrdinalIgnoreCase))?.Id
                ?? throw CliException.Usage($"No saved search '{text}' (see rr searches list).");

    private static string Describe(SavedQuery q) => string.Join("; ", new[]
    {
        q.Q is null ? null : $"q={q.Q}",
        q.Tags is { Count: > 0 } ? $"tags={string.Join(',', q.Tags)}" : null,
        q.GroupId is null ? null : $"group={q.GroupId}{(q.IncludeSubgroups == true ? " (+subgroups)" : "")}",
        q.Labels is { Count: > 0 } ? $"labels={q.Labels.Count}" : null,
        q.MinCapacity is null ? null : $"capacity>={q.MinCapacity}",
    }.Where(p => p is not null));
}
