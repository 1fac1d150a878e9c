using Microsoft.AspNetCore.Authorization;
using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Auth;

/// <summary>
/// The policies the web UI's pages and navigation use: the same permission policies as the API (constants, so Razor
/// attributes can name them), and the admin area, open to whoever holds any permission one of its pages needs.
/// </summary>
public static class UiPolicies
{
    /// <summary><c>resources.manage</c>.</summary>
    public const string ManageResources = "perm:resources.manage";

    /// <summary><c>users.manage</c>.</summary>
    public const string ManageUsers = "perm:users.manage";

    /// <summary><c>webhooks.manage</c>.</summary>
    public const string ManageWebhooks = "perm:webhooks.manage";

    /// <summary><c>audit.read</c>.</summary>
    public const string ReadAudit = "perm:audit.read";

    /// <summary><c>analytics.read</c>.</summary>
    public const string ReadAnalytics = "perm:analytics.read";

    /// <summary><c>approvals.decide</c>: shows the Approvals link (listed approvers reach the page without it).</summary>
    public const string DecideApprovals = "perm:approvals.decide";

    /// <summary>The admin overview and its navigation link.</summary>
    public const string AdminArea = "admin-area";

    /// <summary>The permissions that open a page of the admin area.</summary>
    public static readonly Permission AdminPermissions = Permission.ResourcesManage | Permission.UsersManage | Permission.WebhooksManage | Permission.AuditRead
        | Permission.AnalyticsRead;

    /// <summary>Adds <see cref="AdminArea"/>.</summary>
    public static AuthorizationBuilder AddUiPolicies(this AuthorizationBuilder builder) =>
        builder.AddPolicy(AdminArea, policy => policy.RequireAuthenticatedUser()
            .RequireAssertion(context => (AccessResolver.PermissionsOf(context.User) & AdminPermissions) != Permission.None));
}
