namespace ResourceReserver.Contracts;

/// <summary>What a role lets its holders do; a user's permissions are the union of their roles'.</summary>
[Flags]
public enum Permission
{
    None = 0,

    /// <summary>Book, hold and join waitlists for oneself (<c>reservations.book</c>).</summary>
    ReservationsBook = 1 << 0,

    /// <summary>See, change and cancel other users' bookings (<c>reservations.manage</c>).</summary>
    ReservationsManage = 1 << 1,

    /// <summary>Create, change and delete resources (<c>resources.manage</c>).</summary>
    ResourcesManage = 1 << 2,

    /// <summary>Manage accounts, roles and OAuth2 clients of others (<c>users.manage</c>).</summary>
    UsersManage = 1 << 3,

    /// <summary>Manage webhooks (<c>webhooks.manage</c>).</summary>
    WebhooksManage = 1 << 4,

    /// <summary>Decide approval requests (<c>approvals.decide</c>).</summary>
    ApprovalsDecide = 1 << 5,

    /// <summary>Read the audit log (<c>audit.read</c>).</summary>
    AuditRead = 1 << 6,

    /// <summary>Read analytics (<c>analytics.read</c>).</summary>
    AnalyticsRead = 1 << 7,

    /// <summary>Every permission.</summary>
    All = (1 << 8) - 1,
}

/// <summary>The API's names of <see cref="Permission"/> values.</summary>
public static class PermissionNames
{
    private static readonly (Permission Permission, string Name)[] Names =
    [
        (Permission.ReservationsBook, "reservations.book"),
        (Permission.ReservationsManage, "reservations.manage"),
        (Permission.ResourcesManage, "resources.manage"),
        (Permission.UsersManage, "users.manage"),
        (Permission.WebhooksManage, "webhooks.manage"),
        (Permission.ApprovalsDecide, "approvals.decide"),
        (Permission.AuditRead, "audit.read"),
        (Permission.AnalyticsRead, "analytics.read"),
    ];

    /// <summary>Every permission name, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } = Names.Select(n => n.Name).ToArray();

    /// <summary>The name of one permission.</summary>
    public static string NameOf(Permission permission) => Names.First(n => n.Permission == permission).Name;

    /// <summary>The names of every permission in a set, in the stable order.</summary>
    public static IReadOnlyList<string> Of(Permission permissions) =>
        Names.Where(n => (permissions & n.Permission) == n.Permission).Select(n => n.Name).ToArray();

    /// <summary>Parses one name; false for an unknown one.</summary>
    public static bool TryParse(string? name, out Permission permission)
    {
        foreach (var (value, text) in Names)
        {
            if (string.Equals(text, name, StringComparison.Ordinal))
            {
                permission = value;
                return true;
            }
        }

        permission = Permission.None;
        return false;
    }
}
