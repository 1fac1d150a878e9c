using ResourceReserver.Contracts;
using static ResourceReserver.ApiTests.Matrix.MatrixRule;

namespace ResourceReserver.ApiTests.Matrix;

public static partial class MatrixEntries
{
    private static IEnumerable<MatrixEntry> Analytics() =>
    [
        E("GET", "/api/v1/analytics/utilization", Needs(Permission.AnalyticsRead), 200, Admin, At("/api/v1/analytics/utilization")),
        E("GET", "/api/v1/analytics/popular", Needs(Permission.AnalyticsRead), 200, Admin, At("/api/v1/analytics/popular?limit=5")),
        E("GET", "/api/v1/analytics/peak", Needs(Permission.AnalyticsRead), 200, Admin, At("/api/v1/analytics/peak?timeZone=Europe/Berlin")),
        E("GET", "/api/v1/analytics/users", Needs(Permission.AnalyticsRead), 200, Admin, At("/api/v1/analytics/users")),
        E("GET", "/api/v1/analytics/dashboard", Needs(Permission.AnalyticsRead), 200, Admin, At("/api/v1/analytics/dashboard")),
        E("GET", "/api/v1/analytics/export/{report}.csv", Needs(Permission.AnalyticsRead), 200, Admin, At("/api/v1/analytics/export/utilization.csv")),
    ];
}
