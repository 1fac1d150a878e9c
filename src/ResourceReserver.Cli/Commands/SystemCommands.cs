using System.CommandLine;
using System.Text.Json;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr system status | summary | config</c>.</summary>
public static class SystemCommands
{
    /// <summary>The <c>system</c> command.</summary>
    public static Command Build(CommandKit kit) => Command(
        "system",
        "The server's health and what it serves",
        kit.Run(Command("status", "Health of the server and each component (silo, database, Redis)"), AuthMode.None, async inv =>
        {
            var answer = await inv.Api.System.HealthAsync(inv.Ct);
            inv.Print.Result(answer.Body, console =>
            {
                var table = Table($"{inv.Session.Server.Display}: {answer.Value.Status}", "Component", "Status", "Detail");
                foreach (var (name, component) in answer.Value.Components)
                {
                    table.AddRow($"[bold]{E(name)}[/]", Status(component.Status), E(component.Description));
                }

                console.WriteTable(table);
            });
        }),
        kit.Run(Command("summary", "Resources available now, in use and unavailable"), AuthMode.Optional, async inv =>
        {
            var answer = await inv.Api.System.SummaryAsync(inv.Ct);
            var s = answer.Value;
            inv.Print.Result(answer.Body, console =>
            {
                console.Write(new BarChart().Width(60).Label($"[bold]{s.Total} resources[/]")
                    .AddItem("available now", s.AvailableNow, Color.Green)
                    .AddItem("in use", s.InUse, Color.Yellow)
                    .AddItem("unavailable", s.Unavailable, Color.Red));
            });
        }),
        kit.Run(Command("config", "What rr talks to: the server, where that setting comes from, and the API it publishes"), AuthMode.None, async inv =>
        {
            var api = await inv.Api.System.OpenApiAsync(inv.Ct);
            var info = api.Value.TryGetProperty("info", out var i) ? i : default;
            var view = new
            {
                server = inv.Session.Server.Display,
                source = inv.Session.Server.Source,
                api = new
                {
                    title = info.ValueKind == JsonValueKind.Object && info.TryGetProperty("title", out var t) ? t.GetString() : null,
                    version = info.ValueKind == JsonValueKind.Object && info.TryGetProperty("version", out var v) ? v.GetString() : null,
                    operations = api.Value.TryGetProperty("paths", out var paths) ? paths.EnumerateObject().Sum(p => p.Value.EnumerateObject().Count()) : 0,
                },
                signedInAs = inv.Session.Store.Current?.Username,
            };
            inv.Print.Result(JsonSerializer.Serialize(view, ClientJson.Indented), console =>
            {
                var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
                grid.AddRow("[bold]Server[/]", $"{E(view.server)} [grey](from {E(view.source)})[/]");
                grid.AddRow("[bold]API[/]", $"{E(view.api.title)} {E(view.api.version)}, {view.api.operations} operations [grey]({E(view.server)}/docs)[/]");
                grid.AddRow("[bold]Signed in[/]", view.signedInAs is { } user ? $"as [cyan]{E(user)}[/]" : "[grey]no[/]");
                console.Write(new Panel(grid).Header("system").RoundedBorder());
            });
        }));
}
