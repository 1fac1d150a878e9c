namespace ResourceReserver.Contracts;

/// <summary>A role: a name and the permissions it grants. Built-in roles cannot be changed or deleted.</summary>
[GenerateSerializer, Immutable, Alias("rr.RoleDefinition")]
public sealed record RoleDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description,
    [property: Id(2)] Permission Permissions,
    [property: Id(3)] bool BuiltIn)
{
    /// <summary>The four built-in roles.</summary>
    public static IReadOnlyList<RoleDefinition> BuiltIns { get; } =
    [
        new(Roles.Admin, "Everything: resources, users, roles, settings and everyone's bookings.", Permission.All, true),
        new(Roles.Premium, "Books, with the higher limits of the premium tier.", Permission.ReservationsBook, true),
        new(Roles.User, "Books for themselves.", Permission.ReservationsBook, true),
        new(Roles.Guest, "Reads what is public and their own account; may not book.", Permission.None, true),
    ];

    /// <summary>True for the name of a built-in role.</summary>
    public static bool IsBuiltIn(string name) => BuiltIns.Any(r => r.Name == name);
}

/// <summary>Every role with its permissions, and a version that changes with every edit (for caches).</summary>
[GenerateSerializer, Immutable, Alias("rr.RoleCatalog")]
public sealed record RoleCatalog([property: Id(0)] IReadOnlyList<RoleDefinition> Roles, [property: Id(1)] long Version)
{
    /// <summary>The union of the permissions of <paramref name="roles"/>; unknown names grant nothing.</summary>
    public Permission PermissionsOf(IEnumerable<string> roles)
    {
        var granted = Permission.None;
        foreach (var role in roles)
        {
            if (Roles.FirstOrDefault(r => r.Name == role) is { } definition)
            {
                granted |= definition.Permissions;
            }
        }

        return granted;
    }
}

/// <summary>What a user may do right now: checked on every request, so role changes and revocations apply at once.</summary>
[GenerateSerializer, Immutable, Alias("rr.UserAccess")]
public sealed record UserAccess(
    [property: Id(0)] IReadOnlyList<string> Roles,
    [property: Id(1)] string Username);
