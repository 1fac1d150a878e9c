using System.CommandLine;
using System.Text.Json;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Http;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr auth register | login | status | refresh | logout</c>.</summary>
public static class AuthCommands
{
    /// <summary>The <c>auth</c> command.</summary>
    public static Command Build(CommandKit kit)
    {
        var username = Opt<string?>("--username", "Account name (asked for when missing)", "-u");
        var email = Opt<string?>("--email", "E-mail address for confirmations and reminders");
        var passwordStdin = Opt<bool>("--password-stdin", "Read the password from the first line of standard input");
        var mfa = Opt<string?>("--mfa-code", "The current code of your authenticator app, when MFA is on");
        return Command(
            "auth",
            "Sign in and out",
            kit.Run(Command("register", "Create an account and sign in (the first account becomes admin)", username, email, passwordStdin), AuthMode.None,
                inv => RegisterAsync(inv, inv.Get(username), inv.Get(email), inv.Get(passwordStdin))),
            kit.Run(Command("login", "Sign in; the session is kept in credentials.json (mode 0600) and renewed automatically", username, passwordStdin, mfa), AuthMode.None,
                inv => LoginAsync(inv, inv.Get(username), inv.Get(passwordStdin), inv.Get(mfa))),
            kit.Run(Command("status", "Who you are signed in as, and until when the access token runs"), AuthMode.Required, StatusAsync),
            kit.Run(Command("refresh", "Renew the access token now with the refresh token"), AuthMode.Required, RefreshAsync),
            kit.Run(Command("logout", "Revoke the session on the server and delete the stored credentials"), AuthMode.None, LogoutAsync));
    }

    private static async Task RegisterAsync(Invocation inv, string? username, string? email, bool passwordStdin)
    {
        var name = Username(inv, username);
        var password = Password(inv, passwordStdin, confirm: true);
        var registered = await Refusing(() => inv.Api.Auth.RegisterAsync(new RegisterRequest(name, password, email), inv.Ct));
        var tokens = await Refusing(() => inv.Api.Auth.PasswordAsync(name, password, null, inv.Ct));
        inv.Session.Store.Save(registered.Value.Username, tokens.Value, inv.Now.ToDateTimeOffset());
        inv.Print.Result(registered.Body, _ => { });
        inv.Print.Done(
            $"Registered [cyan]{Printer.E(registered.Value.Username)}[/] ({Printer.E(string.Join(", ", registered.Value.Roles))}) on {Printer.E(inv.Session.Server.Display)} and signed in");
    }

    private static async Task LoginAsync(Invocation inv, string? username, bool passwordStdin, string? mfa)
    {
        var name = Username(inv, username);
        var password = Password(inv, passwordStdin, confirm: false);
        var tokens = await Refusing(() => inv.Api.Auth.PasswordAsync(name, password, mfa, inv.Ct));
        var credentials = inv.Session.Store.Save(name, tokens.Value, inv.Now.ToDateTimeOffset());

        // The token answer holds secrets: --json shows the session without them.
        inv.Print.Result(JsonSerializer.Serialize(new { server = credentials.Server, username = name, accessTokenExpiresAt = credentials.AccessTokenExpiresAt }, ClientJson.Indented), _ => { });
        inv.Print.Done($"Signed in to {Printer.E(inv.Session.Server.Display)} as [cyan]{Printer.E(name)}[/]");
    }

    private static async Task StatusAsync(Invocation inv)
    {
        var me = await inv.Api.Auth.MeAsync(inv.Ct);
        var credentials = inv.Session.Store.Current!;
        inv.Print.Result(me.Body, console =>
        {
            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            grid.AddRow("[bold]User[/]", $"[cyan]{Printer.E(me.Value.Username)}[/] [grey]{me.Value.Id}[/]");
            grid.AddRow("[bold]Roles[/]", Printer.E(string.Join(", ", me.Value.Roles)));
            grid.AddRow("[bold]E-mail[/]", me.Value.Email is { } address ? Printer.E(address) : "[grey]none[/]");
            grid.AddRow("[bold]Server[/]", Printer.E(credentials.Server));
            grid.AddRow("[bold]Signed in[/]", Printer.E(TimeFormat.At(credentials.SignedInAt, inv.Context.LocalZone)));
            grid.AddRow("[bold]Access token[/]", $"valid until {Printer.E(TimeFormat.At(credentials.AccessTokenExpiresAt, inv.Context.LocalZone))}, renewed automatically");
            console.Write(new Panel(grid).Header("signed in").RoundedBorder());
        });
    }

    private static async Task RefreshAsync(Invocation inv)
    {
        var credentials = await inv.Session.Store.FreshAsync(async (token, ct) => (await inv.Session.Anonymous.Auth.RefreshAsync(token, ct)).Value, force: true, inv.Ct);
        inv.Print.Result(JsonSerializer.Serialize(new { server = credentials.Server, username = credentials.Username, accessTokenExpiresAt = credentials.AccessTokenExpiresAt }, ClientJson.Indented), _ => { });
        inv.Print.Done($"Session renewed; the access token is valid until {Printer.E(TimeFormat.At(credentials.AccessTokenExpiresAt, inv.Context.LocalZone))}");
    }

    private static async Task LogoutAsync(Invocation inv)
    {
        var store = inv.Session.Store;
        if (store.Current is null)
        {
            inv.Print.Result("{}", _ => { });
            inv.Print.Done($"Not signed in to {Printer.E(inv.Session.Server.Display)}; nothing to do");
            return;
        }

        try
        {
            using var signed = ApiSession.Open(inv.Context, inv.Session.Server.Display, AuthMode.Required);
            await signed.Api.Auth.LogoutAsync(inv.Ct);
        }
        catch (CliException exception) when (exception.ExitCode == ExitCodes.NotSignedIn)
        {
            // The session had already ended on the server: deleting the local copy is all that is left.
        }
        finally
        {
            store.Delete();
        }

        inv.Print.Result("{}", _ => { });
        inv.Print.Done($"Signed out of {Printer.E(inv.Session.Server.Display)}; credentials deleted");
    }

    private static string Username(Invocation inv, string? username)
    {
        if (!string.IsNullOrWhiteSpace(username))
        {
            return username.Trim();
        }

        return inv.Context.Interactive
            ? inv.Context.Error.Prompt(new TextPrompt<string>("Username:"))
            : throw CliException.Usage("--username is required when rr cannot ask (standard input is not a terminal).");
    }

    internal static string Password(Invocation inv, bool fromStdin, bool confirm)
    {
        if (fromStdin)
        {
            var line = inv.Context.In.ReadLine();
            return string.IsNullOrEmpty(line) ? throw CliException.Usage("--password-stdin: standard input was empty.") : line.TrimEnd('\r');
        }

        if (!inv.Context.Interactive)
        {
            throw CliException.Usage("Pass the password on standard input with --password-stdin (rr cannot ask: standard input is not a terminal).");
        }

        var password = inv.Context.Error.Prompt(new TextPrompt<string>("Password:").Secret());
        if (confirm && inv.Context.Error.Prompt(new TextPrompt<string>("Repeat it:").Secret()) != password)
        {
            throw CliException.Usage("The two passwords differ.");
        }

        return password;
    }

    /// <summary>Sign-in failures are the API refusing (exit 2), not a session that ran out (exit 4).</summary>
    private static async Task<T> Refusing<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiProblemException problem) when (problem.Status == 401)
        {
            throw CliException.Refused(problem.Problem.Code ?? "unauthorized", problem.Problem.Detail ?? "The server refused the credentials.");
        }
    }
}
