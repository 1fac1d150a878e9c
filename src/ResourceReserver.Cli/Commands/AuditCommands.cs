using System.CommandLine;
using System.Globalization;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Input;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client.Contracts;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr audit list | export | stats | activity</c>: the audit log (audit.read) and your own activity.</summary>
public static class AuditCommands
{
    /// <summary>The <c>audit</c> command.</summary>
    public static Command Build(CommandKit kit)
    {
        var audit = Command("audit", "Who did what, from where, and how it ended (audit.read); your own activity");
        var filters = new Filters();
        var limit = Opt<int?>("--limit", "Entries per page, 1-100 (default 20)");
        var all = Opt<bool>("--all", "Every page, not just the first");
        audit.Subcommands.Add(kit.Run(Command("list", "Entries matching the filters, newest first", [.. filters.Symbols, limit, all]), AuthMode.Required, async inv =>
        {
            var query = filters.Read(inv) with { Limit = inv.Get(limit) };
            var page = await Pages.CollectAsync(cursor => inv.Api.Audit.ListAsync(query with { Cursor = cursor }, inv.Ct), inv.Get(all));
            inv.Print.Result(page.Body, console => console.WriteTable(Entries(inv, page, "Audit log", withActor: true)));
        }));

        var output = Opt<string?>("--output", "Write the export to this file instead of stdout", "-o");
        var format = Opt<string?>("--format", "csv (default) or json");
        format.AcceptOnlyFromAmong("csv", "json");
        audit.Subcommands.Add(kit.Run(Command("export", "Every matching entry, streamed as CSV or JSON", [.. filters.Symbols, format, output]), AuthMode.Required,
            inv => Exports.WriteAsync(
                inv, inv.Get(output), "Audit log", (stream, ct) => inv.Api.Audit.ExportAsync(filters.Read(inv), inv.Get(format) ?? "csv", stream, ct))));

        var from = Opt<string?>("--from", "Start of the window: ISO 8601, \"2026-12-10 14:00\", \"today 9:00\", now");
        var until = Opt<string?>("--until", "End of the window");
        audit.Subcommands.Add(kit.Run(Command("stats", "Counts by action and by day", from, until), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Audit.StatsAsync(Filters.Instant(inv, inv.Get(from), "--from"), Filters.Instant(inv, inv.Get(until), "--until"), inv.Ct);
            inv.Print.Result(answer.Body, console =>
            {
                var actions = Table($"By action ({answer.Value.Total} entries)", "Action", "Entries");
                foreach (var a in answer.Value.ByAction)
                {
                    actions.AddRow($"[cyan]{E(a.Action)}[/]", a.Count.ToString(CultureInfo.InvariantCulture));
                }

                var days = Table("By day (UTC)", "Day", "Entries");
                foreach (var d in answer.Value.ByDay)
                {
                    days.AddRow(d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Count.ToString(CultureInfo.InvariantCulture));
                }

                console.WriteTable(actions);
                console.WriteTable(days);
            });
        }));

        var mineAction = Opt<string?>("--action", "Only this action, or a prefix ending in * (auth.*)");
        var mineLimit = Opt<int?>("--limit", "Entries per page, 1-100 (default 20)");
        var mineAll = Opt<bool>("--all", "Every page, not just the first");
        audit.Subcommands.Add(kit.Run(Command("activity", "What you did: sign-ins, changes, refusals", mineAction, mineLimit, mineAll), AuthMode.Required, async inv =>
        {
            var page = await Pages.CollectAsync(
                cursor => inv.Api.Audit.MyActivityAsync(inv.Get(mineAction), null, null, inv.Get(mineLimit), cursor, inv.Ct), inv.Get(mineAll));
            inv.Print.Result(page.Body, console => console.WriteTable(Entries(inv, page, "Your activity", withActor: false)));
        }));
        return audit;
    }


    private static Table Entries(Invocation inv, Collected<AuditEntryView> page, string title, bool withActor)
    {
        string[] columns = withActor ? ["When", "Who", "Action", "Target", "Outcome", "Address"] : ["When", "Action", "Target", "Outcome", "Address"];
        var table = Table($"{title} ({page.Items.Count}{(page.NextCursor is null ? "" : ", more with --all")})", columns);
        foreach (var e in page.Items)
        {
            var outcome = e.Outcome == "success" ? "[green]success[/]" : $"[red]{E(e.Outcome)}[/]";
            var action = $"[cyan]{E(e.Action)}[/]" + (e.Detail is { } detail ? $"\n[grey]{E(detail)}[/]" : "");
            var target = $"{E(e.EntityType)} [grey]{E(e.EntityId)}[/]";
            var when = E(TimeFormat.At(e.At, inv.Context.LocalZone));
            if (withActor)
            {
                table.AddRow(when, E(e.ActorName ?? e.ActorId?.ToString() ?? "system"), action, target, outcome, E(e.Ip));
            }
            else
            {
                table.AddRow(when, action, target, outcome, E(e.Ip));
            }
        }

        return table;
    }

    /// <summary>The filter options shared by <c>list</c> and <c>export</c>.</summary>
    private sealed class Filters
    {
        private readonly Option<string?> _actor = Opt<string?>("--actor", "Only what this user did (user id)");
        private readonly Option<string?> _action = Opt<string?>("--action", "Only this action, or a prefix ending in * (auth.*)");
        private readonly Option<string?> _entityType = Opt<string?>("--entity-type", "Only entries about this kind of thing (reservation, user, ...)");
        private readonly Option<string?> _entityId = Opt<string?>("--entity-id", "Only entries about this id");
        private readonly Option<string?> _outcome = Opt<string?>("--outcome", "success, failure or denied");
        private readonly Option<string?> _from = Opt<string?>("--from", "Start of the window: ISO 8601, \"2026-12-10 14:00\", \"today 9:00\", now");
        private readonly Option<string?> _until = Opt<string?>("--until", "End of the window");

        public Filters() => _outcome.AcceptOnlyFromAmong("success", "failure", "denied");

        public Symbol[] Symbols => [_actor, _action, _entityType, _entityId, _outcome, _from, _until];

        public AuditSearch Read(Invocation inv) => new(
            inv.Get(_actor) is { } actor ? Invocation.Id(actor, "--actor").ToString() : null,
            inv.Get(_action), inv.Get(_entityType), inv.Get(_entityId), inv.Get(_outcome),
            Instant(inv, inv.Get(_from), "--from"), Instant(inv, inv.Get(_until), "--until"));

        public static DateTimeOffset? Instant(Invocation inv, string? text, string what) =>
            text is null ? null : TimeText.Parse(text, inv.Context.LocalZone, inv.Now, what).ToDateTimeOffset();
    }
}
