using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using ResourceReserver.Audit;
using ResourceReserver.Diagnostics;

namespace ResourceReserver.Host.Audit;

/// <summary>
/// Writes an audit export as the entries are read: CSV (RFC 4180, one header row) or a JSON array, flushed every
/// <see cref="FlushEvery"/> entries, so neither the server nor a proxy holds the whole result.
/// </summary>
public sealed class AuditExportResult(IAsyncEnumerable<AuditEntry> entries, string format) : IResult
{
    /// <summary>Entries written between two flushes of the response.</summary>
    public const int FlushEvery = 100;

    /// <summary>The CSV columns, in the JSON field names.</summary>
    public static readonly string[] Columns = ["id", "at", "actorId", "actorName", "action", "entityType", "entityId", "outcome", "ip", "userAgent", "detail"];

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'");
        http.Response.ContentType = format == "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{stamp}.{format}\"";
        if (format == "json")
        {
            await WriteJsonAsync(http, ct);
        }
        else
        {
            await WriteCsvAsync(http, ct);
        }
    }

    private async Task WriteCsvAsync(HttpContext http, CancellationToken ct)
    {
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(string.Join(',', Columns) + "\r\n");
        var written = 0;
        await foreach (var e in entries.WithCancellation(ct))
        {
            await writer.WriteAsync(AuditCsv.Line(e));
            ReserverMetrics.RecordAuditExported(1);
            if (++written % FlushEvery == 0)
            {
                await writer.FlushAsync(ct);
                await http.Response.Body.FlushAsync(ct);
            }
        }

        await writer.FlushAsync(ct);
    }

    private async Task WriteJsonAsync(HttpContext http, CancellationToken ct)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter);
        json.WriteStartArray();
        var written = 0;
        await foreach (var e in entries.WithCancellation(ct))
        {
            JsonSerializer.Serialize(json, e, options);
            ReserverMetrics.RecordAuditExported(1);
            if (++written % FlushEvery == 0)
            {
                await json.FlushAsync(ct);
                await http.Response.BodyWriter.FlushAsync(ct);
            }
        }

        json.WriteEndArray();
        await json.FlushAsync(ct);
    }
}
