namespace ResourceReserver.BrowserTests.Fixtures;

/// <summary>The main pages a signed-in administrator sees, with some data on them, for the page-wide checks.</summary>
public static class MainPages
{
    /// <summary>Makes a resource with a booking and a waitlist entry, and returns the pages to visit (name → path).</summary>
    public static async Task<IReadOnlyList<(string Name, string Path)>> ArrangeAsync(UiHost ui)
    {
        var resourceId = await ui.Api.CreateResourceAsync(ui.AdminToken, Slots.Resource(UiHost.Unique("Meeting room"), capacity: 1, tags: ["room", "screen"]));
        var day = Slots.Day(1);
        await ui.Api.BookAsync(ui.AdminToken, resourceId, Slots.At(day, 9), Slots.At(day, 10));
        await ui.Api.BookAsync(ui.AdminToken, resourceId, Slots.At(day.AddDays(1), 13), Slots.At(day.AddDays(1), 15));
        return
        [
            ("dashboard", "/"),
            ("resources", "/resources"),
            ("resource", $"/resources/{resourceId}"),
            ("reservations", "/reservations"),
            ("waitlist", "/waitlist"),
            ("notifications", "/notifications"),
            ("settings", "/settings"),
            ("admin", "/admin"),
            ("admin-resource", $"/admin/resources/{resourceId}"),
            ("admin-users", "/admin/users"),
            ("admin-roles", "/admin/roles"),
            ("admin-analytics", "/admin/analytics"),
            ("oauth-clients", "/settings/clients"),
        ];
    }
}
