using System.CommandLine;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Cli.Output;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr roles list | my-roles | assign | remove | create | update | delete</c>.</summary>
public static class RoleCommands
{
    /// <summary>The <c>roles</c> command.</summary>
    public static Command Build(CommandKit kit) => Command(
        "roles",
        "Roles and their permissions",
        List(kit),
        MyRoles(kit),
        Assign(kit),
        Remove(kit),
        Create(kit),
        Update(kit),
        Delete(kit));

    private static Command List(CommandKit kit) =>
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
        });

    private static Command MyRoles(CommandKit kit) =>
        kit.Run(Command("my-roles", "Your roles and the permissions they add up to"), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Access.MyPermissionsAsync(inv.Ct);
            inv.Print.Result(answer.Body, console =>
            {
                console.MarkupLine($"[bold]Roles[/]        {E(string.Join(", ", answer.Value.Roles))}");
                console.MarkupLine($"[bold]Permissions[/]  {E(answer.Value.Permissions.Count == 0 ? "none" : string.Join(", ", answer.Value.Permissions))}");
            });
        });

    private static Command Assign(CommandKit kit)
    {
        var user = Arg("user", "Username or user id");
        var role = Arg("role", "Role name");
        return kit.Run(Command("assign", "Give a user a role (users.manage)", user, role), AuthMode.Required, async inv =>
        {
            var name = await UserLookup.UsernameAsync(inv, inv.Get(user));
            var answer = await inv.Api.Access.AssignRoleAsync(name, inv.Get(role)!, inv.Ct);
            inv.Print.Result(answer.Body, _ => { });
            inv.Print.Done($"[cyan]{E(answer.Value.Username)}[/] now has: {E(string.Join(", ", answer.Value.Roles))}");
        });
    }

    private static Command Remove(CommandKit kit)
    {
        var user = Arg("user", "Username or user id");
        var role = Arg("role", "Role name");
        return kit.Run(Command("remove", "Take a role from a user (users.manage; never the last active admin)", user, role), AuthMode.Required, async inv =>
        {
            var id = await UserLookup.IdAsync(inv, inv.Get(user));
            var answer = await inv.Api.Access.RemoveRoleAsync(id, inv.Get(role)!, inv.Ct);
            inv.Print.Result(answer.Body, _ => { });
            inv.Print.Done($"[cyan]{E(answer.Value.Username)}[/] now has: {E(string.Join(", ", answer.Value.Roles))}");
        });
    }

    private static Command Create(CommandKit kit)
    {
        var name = Arg("name", "The new role's name");
        var permissions = Opt<string>("--permissions", "Comma-separated permissions, e.g. reservations.book,audit.read", "-p");
        permissions.Required = true;
        var description = Opt<string?>("--description", "What the role is for", "-d");
        return kit.Run(Command("create", "A custom role with the permissions you pick (users.manage)", name, permissions, description), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Access.CreateRoleAsync(
                new CreateRoleRequest(inv.Get(name), inv.Get(description), UserLookup.List(inv.Get(permissions))), inv.Ct);
            inv.Print.Result(answer.Body, _ => { });
            inv.Print.Done($"Role [cyan]{E(answer.Value.Name)}[/] created: {E(string.Join(", ", answer.Value.Permissions))}");
        });
    }

    private static Command Update(CommandKit kit)
    {
        var name = Arg("name", "A custom role");
        var permissions = Opt<string?>("--permissions", "The role's new permissions, comma-separated", "-p");
        var description = Opt<string?>("--description", "A new description", "-d");
        return kit.Run(Command("update", "Change a custom role's permissions or description (users.manage)", name, permissions, description), AuthMode.Required, async inv =>
        {
            if (inv.Get(permissions) is null && inv.Get(description) is null)
            {
                throw CliException.Usage("Give --permissions, --description or both.");
            }

            var answer = await inv.Api.Access.UpdateRoleAsync(inv.Get(name)!,
                new UpdateRoleRequest(inv.Get(description), UserLookup.List(inv.Get(permissions))), inv.Ct);
            inv.Print.Result(answer.Body, _ => { });
            inv.Print.Done($"Role [cyan]{E(answer.Value.Name)}[/] now grants: {E(string.Join(", ", answer.Value.Permissions))}");
        });
    }

    private static Command Delete(CommandKit kit)
    {
        var name = Arg("name", "A custom role");
        return kit.Run(Command("delete", "Delete a custom role; its holders lose it (users.manage)", name), AuthMode.Required, async inv =>
        {
            await inv.Api.Access.DeleteRoleAsync(inv.Get(name)!, inv.Ct);
            inv.Print.Result("{}", _ => { });
            inv.Print.Done($"Role [cyan]{E(inv.Get(name))}[/] deleted");
        });
    }
}
