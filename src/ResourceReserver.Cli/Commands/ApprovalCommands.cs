using System.CommandLine;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client.Contracts;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr approvals list | approve | reject</c>: requests on resources that require approval, for their approvers.</summary>
public static class ApprovalCommands
{
    /// <summary>The <c>approvals</c> command.</summary>
    public static Command Build(CommandKit kit)
    {
        var approvals = Command("approvals", "Requests waiting for your approval, and deciding them");
        var status = Opt<string?>("--status", "pending (default), approved or rejected");
        status.AcceptOnlyFromAmong("pending", "approved", "rejected");
        var limit = Opt<int?>("--limit", "Requests per page, 1-100 (default 100)");
        var all = Opt<bool>("--all", "Every page, not only the first");
        approvals.Subcommands.Add(kit.Run(Command("list", "Requests you may decide, by start time", status, limit, all), AuthMode.Required, async inv =>
        {
            var page = await Pages.CollectAsync(cursor => inv.Api.Approvals.ListAsync(inv.Get(status), inv.Get(limit) ?? 100, cursor, inv.Ct), inv.Get(all));
            var shown = inv.Get(status) ?? "pending";
            // Every row has the status asked for, so the last column says what matters for it: the deadline or the approver's note.
            var table = Table($"Approvals, {shown} ({page.Items.Count})", "When", "Resource", "Requester", shown == "pending" ? "Decide by" : "Note", "Id");
            foreach (var request in page.Items)
            {
                var zone = TimeFormat.Zone(request.TimeZone);
                table.AddRow(
                    E(TimeFormat.Range(request.Start, request.End, zone)),
                    $"[cyan]{E(request.ResourceName)}[/]",
                    E(request.Requester),
                    shown == "pending" ? E(request.ApprovalExpiresAt is { } expires ? TimeFormat.At(expires, zone) : "") : E(request.DecisionMessage),
                    $"[grey]{request.Id}[/]");
            }

            if (page.Items.Count == 0)
            {
                table.AddRow("[grey]none[/]", "", "", "", "");
            }

            inv.Print.Result(page.Body, console =>
            {
                console.WriteTable(table);
                if (page.NextCursor is not null)
                {
                    inv.Print.Note("More requests exist: add --all to list every page.");
                }
            });
        }));

        var approveId = Arg("reservationId", "The request's reservation id");
        var approveMessage = Opt<string?>("--message", "A note for the requester");
        approvals.Subcommands.Add(kit.Run(Command("approve", "Approve a request: it becomes a confirmed reservation", approveId, approveMessage), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Approvals.ApproveAsync(Invocation.Id(inv.Get(approveId), "reservationId"), inv.Get(approveMessage), inv.Ct);
            var panel = await ReservationRender.DetailsAsync(inv, answer.Value, "[green]approved[/]");
            inv.Print.Result(answer.Body, console => console.Write(panel));
        }));

        var rejectId = Arg("reservationId", "The request's reservation id");
        var rejectMessage = Opt<string>("--message", "Why, for the requester (required)");
        rejectMessage.Required = true;
        approvals.Subcommands.Add(kit.Run(Command("reject", "Reject a request: its time is offered to the waitlist", rejectId, rejectMessage), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Approvals.RejectAsync(Invocation.Id(inv.Get(rejectId), "reservationId"), inv.Get(rejectMessage)!, inv.Ct);
            var panel = await ReservationRender.DetailsAsync(inv, answer.Value, "[red]rejected[/]");
            inv.Print.Result(answer.Body, console => console.Write(panel));
        }));

        return approvals;
    }
}
