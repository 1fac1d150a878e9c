using System.Net.Http.Json;
using System.Text;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;
using ResourceReserver.Contracts;
using static ResourceReserver.ApiTests.Matrix.MatrixRule;

namespace ResourceReserver.ApiTests.Matrix;

/// <summary>The administrative surfaces: organisation, audit, analytics and CSV import/export.</summary>
public static partial class MatrixEntries
{
    private static async Task<Guid> FreshGroupAsync(MatrixWorld w)
    {
        var response = await w.Admin.PostAsJsonAsync("/api/v1/groups", new { name = "Matrix " + ApiCalls.Marker(), kind = "area" });
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> FreshLabelAsync(MatrixWorld w)
    {
        var response = await w.Admin.PostAsJsonAsync("/api/v1/labels", new { category = "matrix", value = ApiCalls.Marker(), color = "#123456" });
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<string> FreshTagAsync(MatrixWorld w)
    {
        var tag = ApiCalls.Marker();
        await w.Api.NewResourceAsync(tags: [tag]);
        return tag;
    }

    private static IEnumerable<MatrixEntry> Organisation() =>
    [
        E("POST", "/api/v1/groups/", Needs(Resources), 201, Admin, At("/api/v1/groups"),
            (_, _) => Task.FromResult<object?>(new { name = "Matrix " + ApiCalls.Marker(), kind = "building" })),
        E("GET", "/api/v1/groups/", Public, 200, Read, At("/api/v1/groups")),
        E("GET", "/api/v1/groups/tree", Public, 200, Read, At("/api/v1/groups/tree")),
        E("GET", "/api/v1/groups/{id}", Public, 200, Read, async (w, _) => $"/api/v1/groups/{await FreshGroupAsync(w)}"),
        E("PATCH", "/api/v1/groups/{id}", Needs(Resources), 200, Admin, async (w, _) => $"/api/v1/groups/{await FreshGroupAsync(w)}", Json(new { description = "x" })),
        E("DELETE", "/api/v1/groups/{id}", Needs(Resources), 204, Admin, async (w, _) => $"/api/v1/groups/{await FreshGroupAsync(w)}"),

        E("POST", "/api/v1/labels/", Needs(Resources), 201, Admin, At("/api/v1/labels"),
            (_, _) => Task.FromResult<object?>(new { category = "matrix", value = ApiCalls.Marker(), color = "#654321" })),
        E("GET", "/api/v1/labels/", Public, 200, Read, At("/api/v1/labels")),
        E("GET", "/api/v1/labels/{id}", Public, 200, Read, async (w, _) => $"/api/v1/labels/{await FreshLabelAsync(w)}"),
        E("PATCH", "/api/v1/labels/{id}", Needs(Resources), 200, Admin, async (w, _) => $"/api/v1/labels/{await FreshLabelAsync(w)}", Json(new { color = "#ABCDEF" })),
        E("DELETE", "/api/v1/labels/{id}", Needs(Resources), 204, Admin, async (w, _) => $"/api/v1/labels/{await FreshLabelAsync(w)}"),
        E("POST", "/api/v1/labels/{id}/merge", Needs(Resources), 200, Admin, async (w, _) => $"/api/v1/labels/{await FreshLabelAsync(w)}/merge",
            async (w, _) => new { intoId = await FreshLabelAsync(w) }),

        E("PATCH", "/api/v1/resources/tags/{tag}", Needs(Resources), 200, Admin, async (w, _) => $"/api/v1/resources/tags/{await FreshTagAsync(w)}",
            Json(new { name = "matrix-renamed" })),
        E("DELETE", "/api/v1/resources/tags/{tag}", Needs(Resources), 200, Admin, async (w, _) => $"/api/v1/resources/tags/{await FreshTagAsync(w)}"),

        E("GET", "/api/v1/search/suggestions", Public, 200, Read, At("/api/v1/search/suggestions?q=mat")),
        E("POST", "/api/v1/saved-searches/", SignedIn, 201, Write, At("/api/v1/saved-searches"), Json(new { name = "Matrix", query = new { minCapacity = 2 } })),
        E("GET", "/api/v1/saved-searches/", SignedIn, 200, Read, At("/api/v1/saved-searches")),
        E("DELETE", "/api/v1/saved-searches/{id}", SignedIn, 204, Delete, async (w, who) => $"/api/v1/saved-searches/{await SavedSearchOfAsync(w, who)}"),
        E("GET", "/api/v1/saved-searches/{id}/run", SignedIn, 200, Read, async (w, who) => $"/api/v1/saved-searches/{await SavedSearchOfAsync(w, who)}/run"),
    ];

    // Saved searches are the caller's own: each signed-in principal gets one of its own to delete or run.
    private static async Task<Guid> SavedSearchOfAsync(MatrixWorld w, Who who)
    {
        if (who == Who.Anonymous)
        {
            return Guid.NewGuid();
        }

        // Client tokens act for the administrator who registered the client.
        var caller = who is Who.ClientWithScope or Who.ClientWithoutScope ? w.Admin : w.Person(who);
        var response = await caller.PostAsJsonAsync("/api/v1/saved-searches", new { name = "Matrix", query = new { } });
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static IEnumerable<MatrixEntry> Audit() =>
    [
        E("GET", "/api/v1/audit/", Needs(Permission.AuditRead), 200, Admin, At("/api/v1/audit?limit=5")),
        E("GET", "/api/v1/audit/export", Needs(Permission.AuditRead), 200, Admin, At("/api/v1/audit/export?format=csv&action=user.created")),
        E("GET", "/api/v1/audit/stats", Needs(Permission.AuditRead), 200, Admin, At("/api/v1/audit/stats")),
        E("GET", "/api/v1/users/me/activity", SignedIn, 200, Profile, At("/api/v1/users/me/activity?limit=5")),
    ];

    private static IEnumerable<MatrixEntry> Analytics() =>
    [
        E("GET", "/api/v1/analytics/utilization", Needs(Permission.AnalyticsRead), 200, Admin, At("/api/v1/analytics/utilization")),
        E("GET", "/api/v1/analytics/popular", Needs(Permission.AnalyticsRead), 200, Admin, At("/api/v1/analytics/popular?limit=5")),
        E("GET", "/api/v1/analytics/peak", Needs(Permission.AnalyticsRead), 200, Admin, At("/api/v1/analytics/peak?timeZone=Europe/Berlin")),
        E("GET", "/api/v1/analytics/users", Needs(Permission.AnalyticsRead), 200, Admin, At("/api/v1/analytics/users")),
        E("GET", "/api/v1/analytics/dashboard", Needs(Permission.AnalyticsRead), 200, Admin, At("/api/v1/analytics/dashboard")),
        E("GET", "/api/v1/analytics/export/{report}.csv", Needs(Permission.AnalyticsRead), 200, Admin, At("/api/v1/analytics/export/utilization.csv")),
    ];

    private static IEnumerable<MatrixEntry> Csv() =>
    [
        E("POST", "/api/v1/resources/import", Needs(Resources), 200, Admin, At("/api/v1/resources/import"),
            (_, _) => Task.FromResult<object?>(new StringContent($"name,capacity\r\nMatrix {ApiCalls.Marker()},2\r\n", Encoding.UTF8, "text/csv"))),
        E("GET", "/api/v1/resources/export.csv", Public, 200, Read, At("/api/v1/resources/export.csv")),
        E("GET", "/api/v1/reservations/export.csv", SignedIn, 200, Read, At("/api/v1/reservations/export.csv")),
    ];
}
