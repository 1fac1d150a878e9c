using System.Text.Json;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr config show | set server &lt;url&gt;</c>.</summary>
public static class ConfigCommands
{
    /// <summary>The <c>config</c> command.</summary>
    public static System.CommandLine.Command Build(CommandKit kit)
    {
        var key = Arg("key", "The setting: server");
        var value = Arg("value", "The new value");
        return Command(
            "config",
            "Show or change where rr points",
            kit.Run(Command("show", "The server rr talks to, where that comes from, and who is signed in"), AuthMode.None, Show),
            kit.Run(Command("set", "Change a setting: rr config set server https://reserver.example.com", key, value), AuthMode.None, inv => Set(inv, inv.Get(key)!, inv.Get(value)!)));
    }

    private static Task Show(Invocation inv)
    {
        var session = inv.Session;
        var signedIn = session.Store.Current;
        var view = new
        {
            server = session.Server.Display,
            source = session.Server.Source,
            configDirectory = session.Config.Path,
            signedInAs = signedIn?.Username,
        };
        inv.Print.Result(JsonSerializer.Serialize(view, ClientJson.Indented), console =>
        {
            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            grid.AddRow("[bold]Server[/]", $"{Printer.E(view.server)} [grey](from {Printer.E(view.source)})[/]");
            grid.AddRow("[bold]Config[/]", Printer.E(view.configDirectory));
            grid.AddRow("[bold]Signed in[/]", signedIn is null ? "[grey]no[/] — rr auth login" : $"as [cyan]{Printer.E(signedIn.Username)}[/]");
            console.Write(new Panel(grid).Header("rr config").RoundedBorder());
        });
        return Task.CompletedTask;
    }

    private static Task Set(Invocation inv, string key, string value)
    {
        if (!key.Equals("server", StringComparison.OrdinalIgnoreCase))
        {
            throw CliException.Usage($"Unknown setting '{key}'; the one setting is: server.");
        }

        var url = ServerChoice.Parse(value, "server");
        var config = inv.Session.Config;
        config.Write(config.SettingsFile, new ClientSettings(url.AbsoluteUri.TrimEnd('/')));
        inv.Print.Result(JsonSerializer.Serialize(new { server = url.AbsoluteUri.TrimEnd('/') }, ClientJson.Indented), _ => { });
        inv.Print.Done($"Server set to [cyan]{Printer.E(url.AbsoluteUri.TrimEnd('/'))}[/] in {Printer.E(config.SettingsFile)}");
        return Task.CompletedTask;
    }
}
