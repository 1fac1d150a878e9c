using Microsoft.Extensions.Localization;
using ResourceReserver.Host.Auth;

namespace ResourceReserver.Host.Components.Shared;

/// <summary>What permissions and OAuth2 scopes mean, in the viewer's language, for pickers and the consent page.</summary>
public static class AccessTexts
{
    /// <summary>Every permission with what it allows.</summary>
    public static IReadOnlyList<(string Name, string Description)> Permissions(IStringLocalizer<UiText> l) =>
        ResourceReserver.Contracts.PermissionNames.All.Select(name => (name, Permission(l, name))).ToList();

    /// <summary>Every OAuth2 scope with what it lets a client do.</summary>
    public static IReadOnlyList<(string Name, string Description)> Scopes(IStringLocalizer<UiText> l) =>
        Auth.Scopes.All.Select(name => (name, Scope(l, name))).ToList();

    /// <summary>What a permission allows.</summary>
    public static string Permission(IStringLocalizer<UiText> l, string name) => name switch
    {
        "reservations.book" => l["Book, hold and join waitlists"],
        "reservations.manage" => l["See, change and cancel other people's bookings"],
        "resources.manage" => l["Create, change and delete resources"],
        "users.manage" => l["Manage accounts, roles and others' OAuth2 clients"],
        "webhooks.manage" => l["Manage webhooks"],
        "approvals.decide" => l["Approve or reject booking requests"],
        "audit.read" => l["Read the audit log"],
        "analytics.read" => l["Read analytics"],
        _ => "",
    };

    /// <summary>What a scope lets a client do on the user's behalf.</summary>
    public static string Scope(IStringLocalizer<UiText> l, string name) => name switch
    {
        Auth.Scopes.Read => l["See resources, availability and your reservations"],
        Auth.Scopes.Write => l["Book, change and manage on your behalf"],
        Auth.Scopes.Delete => l["Cancel and delete on your behalf"],
        Auth.Scopes.Admin => l["Use your administration rights"],
        Auth.Scopes.Profile => l["See your profile"],
        _ => name,
    };
}
