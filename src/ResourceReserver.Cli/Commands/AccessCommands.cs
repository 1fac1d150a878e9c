using System.CommandLine;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client.Contracts;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;
using ResourceReserver.Cli.Output;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr roles list | my-roles | assign | remove</c> and <c>rr users list | show | disable | enable</c>.</summary>
public static class AccessCommands
{
    /// <summary>The <c>roles</c> command.</summary>
    public static Command Roles(CommandKit kit)
    {
        var user = Arg("user", "Username or user id");
        var role = Arg("role", "Role name");
        var removeUser = Arg("user", "Username or user id");
        var removeRole = Arg("role", "Role name");
        return Command(
            "roles",
            "Roles and their permissions",
            kit.Run(Command("list", "Every role with its permissions (users.manage)"), AuthMode.Required, async inv =>
            {
                var answer = await inv.Api.Access.RolesAsync(inv.Ct);
                inv.Print.Result(answer.Body, console =>
                {
                    var table = Table($"Roles ({answer.Value.Count})", "Role", "Permissions", "Built in", "Description");
                    foreach (var r in answer.Value)
                    {
                        table.AddRow($"[cyan]{E(r.Name)}[/]", E(string.Join(", ", r.Permissions)), r.BuiltIn ? "yes" : "no", E(r.Description));
                    }

                    console.WriteTable(table);
                });
            }),
            kit.Run(Command("my-roles", "Your roles and the permissions they add up to"), AuthMode.Required, async inv =>
            {
                var answer = await inv.Api.Access.MyPermissionsAsync(inv.Ct);
                inv.Print.Result(answer.Body, console =>
                {
                    console.MarkupLine($"[bold]Roles[/]        {E(string.Join(", ", answer.Value.Roles))}");
                    console.MarkupLine($"[bold]Permissions[/]  {E(answer.Value.Permissions.Count == 0 ? "none" : string.Join(", ", answer.Value.Permissions))}");
                });
            }),
            kit.Run(Command("assign", "Give a user a role (users.manage)", user, role), AuthMode.Required, async inv =>
            {
                var name = await UsernameAsync(inv, inv.Get(user));
                var answer = await inv.Api.Access.AssignRoleAsync(name, inv.Get(role)!, inv.Ct);
                inv.Print.Result(answer.Body, _ => { });
                inv.Print.Done($"[cyan]{E(answer.Value.Username)}[/] now has: {E(string.Join(", ", answer.Value.Roles))}");
            }),
            kit.Run(Command("remove", "Take a role from a user (users.manage; never the last active admin)", removeUser, removeRole), AuthMode.Required, async inv =>
            {
                var id = await IdAsync(inv, inv.Get(removeUser));
                var answer = await inv.Api.Access.RemoveRoleAsync(id, inv.Get(removeRole)!, inv.Ct);
                inv.Print.Result(answer.Body, _ => { });
                inv.Print.Done($"[cyan]{E(answer.Value.Username)}[/] now has: {E(string.Join(", ", answer.Value.Roles))}");
            }));
    }

    /// <summary>The <c>users</c> command.</summary>
    public static Command Users(CommandKit kit)
    {
        var query = Opt<string?>("--query", "Part of a username or e-mail", "-q");
        var role = Opt<string?>("--role", "Only holders of this role");
        var status = Opt<string?>("--status", "active or disabled");
        var show = Arg("user", "Username or user id");
        var disable = Arg("user", "Username or user id");
        var enable = Arg("user", "Username or user id");
        return Command(
            "users",
            "User administration (users.manage)",
            kit.Run(Command("list", "Accounts by username", query, role, status), AuthMode.Required, async inv =>
            {
                var answer = await inv.Api.Access.UsersAsync(inv.Get(query), inv.Get(role), inv.Get(status), null, inv.Ct);
                inv.Print.Result(answer.Body, console =>
                {
                    var table = Table($"Users ({answer.Value.Items.Count})", "Username", "Roles", "Status", "MFA", "Last sign-in", "Id");
                    foreach (var u in answer.Value.Items)
                    {
                        table.AddRow($"[cyan]{E(u.Username)}[/]", E(string.Join(", ", u.Roles)), Status(u.Status), u.MfaEnabled ? "on" : "off",
                            E(u.LastLoginAt is { } at ? TimeFormat.At(at, inv.Context.LocalZone) : "never"), $"[grey]{u.Id}[/]");
                    }

                    console.WriteTable(table);
                });
            }),
            kit.Run(Command("show", "One account", show), AuthMode.Required, async inv =>
            {
                var answer = await inv.Api.Access.UserAsync(await IdAsync(inv, inv.Get(show)), inv.Ct);
                inv.Print.Result(answer.Body, console => console.Write(Panel(answer.Value, inv)));
            }),
            kit.Run(Command("disable", "Disable an account; its sessions end at once", disable), AuthMode.Required, async inv =>
            {
                var answer = await inv.Api.Access.SetEnabledAsync(await IdAsync(inv, inv.Get(disable)), enabled: false, inv.Ct);
                inv.Print.Result(answer.Body, _ => { });
                inv.Print.Done($"[cyan]{E(answer.Value.Username)}[/] is disabled; every session of it has ended");
            }),
            kit.Run(Command("enable", "Enable an account again", enable), AuthMode.Required, async inv =>
            {
                var answer = await inv.Api.Access.SetEnabledAsync(await IdAsync(inv, inv.Get(enable)), enabled: true, inv.Ct);
                inv.Print.Result(answer.Body, _ => { });
                inv.Print.Done($"[cyan]{E(answer.Value.Username)}[/] is active");
            }));
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
        return new Panel(grid).Header("account").RoundedBorder();
    }

    /// <summary>The id of a user given by id or exact username.</summary>
    private static async Task<Guid> IdAsync(Invocation inv, string? user)
    {
        if (Guid.TryParse(user, out var id))
        {
            return id;
        }

        var name = await UsernameAsync(inv, user);
        var page = await inv.Api.Access.UsersAsync(name, null, null, null, inv.Ct);
        return page.Value.Items.FirstOrDefault(u => string.Equals(u.Username, name, StringComparison.OrdinalIgnoreCase))?.Id
            ?? throw CliException.Refused("user_not_found", $"There is no user named '{name}'.");
    }

    private static async Task<string> UsernameAsync(Invocation inv, string? user)
    {
        if (string.IsNullOrWhiteSpace(user))
        {
            throw CliException.Usage("Name a user: a username or a user id.");
        }

        return Guid.TryParse(user, out var id) ? (await inv.Api.Access.UserAsync(id, inv.Ct)).Value.Username : user.Trim();
    }
}
