using ResourceReserver.Contracts;
using static ResourceReserver.ApiTests.Matrix.MatrixRule;

namespace ResourceReserver.ApiTests.Matrix;

public static partial class MatrixEntries
{
    private static IEnumerable<MatrixEntry> Audit() =>
    [
        E("GET", "/api/v1/audit/", Needs(Permission.AuditRead), 200, Admin, At("/api/v1/audit?limit=5")),
        E("GET", "/api/v1/audit/export", Needs(Permission.AuditRead), 200, Admin, At("/api/v1/audit/export?format=csv&action=user.created")),
        E("GET", "/api/v1/audit/stats", Needs(Permission.AuditRead), 200, Admin, At("/api/v1/audit/stats")),
        E("GET", "/api/v1/users/me/activity", SignedIn, 200, Profile, At("/api/v1/users/me/activity?limit=5")),
    ];
}
