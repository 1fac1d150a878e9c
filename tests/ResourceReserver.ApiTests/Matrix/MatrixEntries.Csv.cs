using System.Text;
using ResourceReserver.ApiTests.Endpoints;
using static ResourceReserver.ApiTests.Matrix.MatrixRule;

namespace ResourceReserver.ApiTests.Matrix;

public static partial class MatrixEntries
{
    private static IEnumerable<MatrixEntry> Csv() =>
    [
        E("POST", "/api/v1/resources/import", Needs(Resources), 200, Admin, At("/api/v1/resources/import"),
            (_, _) => Task.FromResult<object?>(new StringContent($"name,capacity\r\nMatrix {ApiCalls.Marker()},2\r\n", Encoding.UTF8, "text/csv"))),
        E("GET", "/api/v1/resources/export.csv", Public, 200, Read, At("/api/v1/resources/export.csv")),
        E("GET", "/api/v1/reservations/export.csv", SignedIn, 200, Read, At("/api/v1/reservations/export.csv")),
    ];
}
