using ResourceReserver.Cli.Hosting;

namespace ResourceReserver.Cli.Commands;

/// <summary>Turns what a person typed for a user (an id or an exact username) into what the API needs.</summary>
internal static class UserLookup
{
    /// <summary>The id of a user given by id or exact username (case-insensitive).</summary>
    public static async Task<Guid> IdAsync(Invocation inv, string? user)
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

    /// <summary>The username of a user given by id or username.</summary>
    public static async Task<string> UsernameAsync(Invocation inv, string? user)
    {
        if (string.IsNullOrWhiteSpace(user))
        {
            throw CliException.Usage("Name a user: a username or a user id.");
        }

        return Guid.TryParse(user, out var id) ? (await inv.Api.Access.UserAsync(id, inv.Ct)).Value.Username : user.Trim();
    }

    /// <summary>A comma-separated list (<c>a,b</c>), or null when not given.</summary>
    public static List<string>? List(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
