using System.Globalization;
using System.Text;
using ResourceReserver.Audit;

namespace ResourceReserver.Host.Audit;

/// <summary>One audit entry as a CSV line (RFC 4180), safe to open in a spreadsheet.</summary>
public static class AuditCsv
{
    /// <summary>The entry's fields in <see cref="AuditExportResult.Columns"/> order, ending in CRLF.</summary>
    public static string Line(AuditEntry e)
    {
        var line = new StringBuilder(256);
        string?[] fields =
        [
            e.Id.ToString(), e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), e.ActorId?.ToString(), e.ActorName,
            e.Action, e.EntityType, e.EntityId, e.Outcome, e.Ip, e.UserAgent, e.Detail,
        ];
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            line.Append(Field(fields[i]));
        }

        return line.Append("\r\n").ToString();
    }

    /// <summary>A field quoted where needed; text a spreadsheet would run as a formula gets a leading apostrophe.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
