using System.CommandLine;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client.Contracts;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr webhooks list | events | create | delete | deliveries | test</c> (administrators).</summary>
public static class WebhookCommands
{
    /// <summary>The <c>webhooks</c> command.</summary>
    public static Command Build(CommandKit kit)
    {
        var webhooks = Command("webhooks", "Signed HTTP callbacks for events (administrators)");
        webhooks.Subcommands.Add(kit.Run(Command("list", "Every webhook"), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Integrations.WebhooksAsync(inv.Ct);
            inv.Print.Result(answer.Body, console =>
            {
                var table = Table($"Webhooks ({answer.Value.Items.Count})", "URL", "Events", "Active", "Id");
                foreach (var hook in answer.Value.Items)
                {
                    table.AddRow(E(hook.Url), E(string.Join(", ", hook.Events)), hook.Active ? "[green]yes[/]" : "[red]no[/]", $"[grey]{hook.Id}[/]");
                }

                console.WriteTable(table);
            });
        }));
        webhooks.Subcommands.Add(kit.Run(Command("events", "The event types a webhook can subscribe to"), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Integrations.WebhookEventsAsync(inv.Ct);
            inv.Print.Result(answer.Body, console =>
            {
                var table = Table("Webhook events", "Event", "Meaning");
                foreach (var type in answer.Value)
                {
                    table.AddRow($"[cyan]{E(type.Type)}[/]", E(type.Description));
                }

                console.WriteTable(table);
            });
        }));

        var url = Arg("url", "Where to POST events (https://...)");
        var events = Opt<string>("--events", "Event types: reservation.created,reservation.cancelled");
        events.Required = true;
        var description = Opt<string?>("--description", "What it is for");
        webhooks.Subcommands.Add(kit.Run(Command("create", "Add a webhook; its signing secret is shown once", url, events, description), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Integrations.CreateWebhookAsync(
                new WebhookRequest(inv.Get(url), ResourceCommands.Tags(inv.Get(events)), true, inv.Get(description)), inv.Ct);
            inv.Print.Result(answer.Body, console =>
            {
                var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
                grid.AddRow("[bold]URL[/]", E(answer.Value.Webhook.Url));
                grid.AddRow("[bold]Events[/]", E(string.Join(", ", answer.Value.Webhook.Events)));
                grid.AddRow("[bold]Id[/]", $"[grey]{answer.Value.Webhook.Id}[/]");
                grid.AddRow("[bold]Secret[/]", $"[yellow]{E(answer.Value.Secret)}[/]");
                console.Write(new Panel(grid).Header("[green]webhook created[/]").RoundedBorder());
            });
            inv.Print.Note("Keep the secret now: it is not shown again. Verify each delivery's webhook-signature with it.");
        }));

        var deleteId = Arg("id", "Webhook id");
        webhooks.Subcommands.Add(kit.Run(Command("delete", "Remove a webhook", deleteId), AuthMode.Required, async inv =>
        {
            var id = Invocation.Id(inv.Get(deleteId), "id");
            await inv.Api.Integrations.DeleteWebhookAsync(id, inv.Ct);
            inv.Print.Result("{}", _ => { });
            inv.Print.Done($"Webhook {id} deleted");
        }));

        var deliveriesId = Arg("id", "Webhook id");
        webhooks.Subcommands.Add(kit.Run(Command("deliveries", "Recent deliveries of a webhook, newest first", deliveriesId), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Integrations.DeliveriesAsync(Invocation.Id(inv.Get(deliveriesId), "id"), inv.Ct);
            inv.Print.Result(answer.Body, console =>
            {
                var table = Table($"Deliveries ({answer.Value.Items.Count})", "Created", "Event", "Status", "Attempts", "Last answer");
                foreach (var d in answer.Value.Items)
                {
                    table.AddRow(
                        E(TimeFormat.At(d.CreatedAt, inv.Context.LocalZone)), E(d.EventType), Status(d.Status), d.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        E(d.LastStatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? d.LastError));
                }

                console.WriteTable(table);
            });
        }));

        var testId = Arg("id", "Webhook id");
        webhooks.Subcommands.Add(kit.Run(Command("test", "Queue a signed webhook.test delivery", testId), AuthMode.Required, async inv =>
        {
            var id = Invocation.Id(inv.Get(testId), "id");
            var answer = await inv.Api.Integrations.TestWebhookAsync(id, inv.Ct);
            inv.Print.Result(answer.Body, _ => { });
            inv.Print.Done($"Test delivery queued (event {E(answer.Value.EventId)}); see rr webhooks deliveries {id}");
        }));
        return webhooks;
    }
}
