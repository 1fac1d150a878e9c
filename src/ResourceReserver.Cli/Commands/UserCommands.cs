using System.CommandLine;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client.Contracts;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Commands;

/// <summary>
/// <c>rr users list | show | grant | revoke | disable | enable | reset-password | reset-mfa | delete</c>: user
/// administration (users.manage).
/// </summary>
public static class UserCommands
{
    /// <summary>The <c>users</c> command.</summary>
    public static Command Build(CommandKit kit) => Command(
        "users",
        "User administration (users.manage)",
        List(kit),
        Show(kit),
        Grant(kit),
        Revoke(kit),
        SetStatus(kit, "disable", "Disable an account; its sessions end at once (never the last active admin)", enabled: false),
        SetStatus(kit, "enable", "Enable an account again", enabled: true),
        ResetPassword(kit),
        ResetMfa(kit),
        Delete(kit));

    private static Command List(CommandKit kit)
    {
        var query = Opt<string?>("--query", "Part of a username or e-mail", "-q");
        var role = Opt<string?>("--role", "Only holders of this role");
        var status = Opt<string?>("--status", "active or disabled");
        var all = Opt<bool>("--all", "Every page, not only the first 100");
        return kit.Run(Command("list", "Accounts by username", query, role, status, all), AuthMode.Required, async inv =>
        {
            var page = await Pages.CollectAsync(
                cursor => inv.Api.Access.UsersAsync(inv.Get(query), inv.Get(role), inv.Get(status), cursor, inv.Ct), inv.Get(all));
            inv.Print.Result(page.Body, console =>
            {
                var table = Table($"Users ({page.Items.Count})", "Username", "Roles", "Status", "MFA", "Last sign-in", "Id");
                foreach (var u in page.Items)
                {
                    table.AddRow($"[cyan]{E(u.Username)}[/]", E(string.Join(", ", u.Roles)), Status(u.Status), u.MfaEnabled ? "on" : "off",
                        E(u.LastLoginAt is { } at ? TimeFormat.At(at, inv.Context.LocalZone) : "never"), $"[grey]{u.Id}[/]");
                }

                console.WriteTable(table);
                if (page.NextCursor is not null)
                {
                    inv.Print.Note("More users exist: add --all to list every page.");
                }
            });
        });
    }

    private static Command Show(CommandKit kit)
    {
        var user = Arg("user", "Username or user id");
        return kit.Run(Command("show", "One account", user), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Access.UserAsync(await UserLookup.IdAsync(inv, inv.Get(user)), inv.Ct);
            inv.Print.Result(answer.Body, console => console.Write(Panel(answer.Value, inv)));
        });
    }

    private static Command Grant(CommandKit kit)
    {
        var user = Arg("user", "Username or user id");
        var role = Arg("role", "Role name");
        return kit.Run(Command("grant", "Give the user a role (same as rr roles assign)", user, role), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Access.AssignRoleAsync(await UserLookup.UsernameAsync(inv, inv.Get(user)), inv.Get(role)!, inv.Ct);
            Changed(inv, answer.Body, answer.Value, $"now has: {E(string.Join(", ", answer.Value.Roles))}");
        });
    }

    private static Command Revoke(CommandKit kit)
    {
        var user = Arg("user", "Username or user id");
        var role = Arg("role", "Role name");
        return kit.Run(Command("revoke", "Take a role from the user (same as rr roles remove)", user, role), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Access.RemoveRoleAsync(await UserLookup.IdAsync(inv, inv.Get(user)), inv.Get(role)!, inv.Ct);
            Changed(inv, answer.Body, answer.Value, $"now has: {E(string.Join(", ", answer.Value.Roles))}");
        });
    }

    private static Command SetStatus(CommandKit kit, string verb, string description, bool enabled)
    {
        var user = Arg("user", "Username or user id");
        return kit.Run(Command(verb, description, user), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Access.SetEnabledAsync(await UserLookup.IdAsync(inv, inv.Get(user)), enabled, inv.Ct);
            Changed(inv, answer.Body, answer.Value, enabled ? "is active" : "is disabled; every session of it has ended");
        });
    }

    private static Command ResetPassword(CommandKit kit)
    {
        var user = Arg("user", "Username or user id");
        var passwordStdin = Opt<bool>("--password-stdin", "Read the new password from the first line of standard input");
        return kit.Run(Command("reset-password", "Set a new password for the user; every session of it ends", user, passwordStdin), AuthMode.Required, async inv =>
        {
            var id = await UserLookup.IdAsync(inv, inv.Get(user));
            var password = AuthCommands.Password(inv, inv.Get(passwordStdin), confirm: true);
            await inv.Api.Access.ResetPasswordAsync(id, password, inv.Ct);
            inv.Print.Result("{}", _ => { });
            inv.Print.Done($"New password set for [cyan]{E(inv.Get(user))}[/]; its sessions have ended");
        });
    }

    private static Command ResetMfa(CommandKit kit)
    {
        var user = Arg("user", "Username or user id");
        return kit.Run(Command("reset-mfa", "Turn MFA off for a user who lost their authenticator", user), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Access.ResetMfaAsync(await UserLookup.IdAsync(inv, inv.Get(user)), inv.Ct);
            Changed(inv, answer.Body, answer.Value, "signs in with the password alone until they set MFA up again");
        });
    }

    private static Command Delete(CommandKit kit)
    {
        var user = Arg("user", "Username or user id");
        var yes = Opt<bool>("--yes", "Do not ask; required when rr cannot ask", "-y");
        return kit.Run(Command("delete", "Delete an account: future reservations cancelled, personal data erased, history kept", user, yes), AuthMode.Required, async inv =>
        {
            var id = await UserLookup.IdAsync(inv, inv.Get(user));
            if (!inv.Get(yes))
            {
                if (!inv.Context.Interactive)
                {
                    throw CliException.Usage("Deleting needs --yes when rr cannot ask (standard input is not a terminal).");
                }

                if (!inv.Context.Error.Confirm($"Delete [cyan]{E(inv.Get(user))}[/], cancel their future reservations and erase their personal data?", defaultValue: false))
                {
                    throw CliException.Usage("Not deleted.");
                }
            }

            await inv.Api.Access.DeleteUserAsync(id, inv.Ct);
            inv.Print.Result("{}", _ => { });
            inv.Print.Done($"Deleted [cyan]{E(inv.Get(user))}[/]; their history stays as \"deleted user\"");
        });
    }

    private static void Changed(Invocation inv, string body, UserSummary user, string what)
    {
        inv.Print.Result(body, _ => { });
        inv.Print.Done($"[cyan]{E(user.Username)}[/] {what}");
    }

    private static Panel Panel(UserSummary user, Invocation inv)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow("[bold]User[/]", $"[cyan]{E(user.Username)}[/] [grey]{user.Id}[/]");
        grid.AddRow("[bold]Roles[/]", E(string.Join(", ", user.Roles)));
        grid.AddRow("[bold]Status[/]", Status(user.Status));
        grid.AddRow("[bold]E-mail[/]", user.Email is { } email ? E(email) : "[grey]none[/]");
        grid.AddRow("[bold]MFA[/]", user.MfaEnabled ? "on" : "off");
        grid.AddRow("[bold]Created[/]", E(TimeFormat.At(user.CreatedAt, inv.Context.LocalZone)));
        grid.AddRow("[bold]Last sign-in[/]", E(user.LastLoginAt is { } at ? TimeFormat.At(at, inv.Context.LocalZone) : "never"));
        return new Panel(grid).Header("account").RoundedBorder();
    }
}
