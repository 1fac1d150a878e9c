using System.Globalization;
using System.Text;
using ResourceReserver.Client.Contracts;

namespace ResourceReserver.Cli.Output;

/// <summary>Resources as CSV in the import format of the API contract (RFC 4180 quoting, tags as one cell).</summary>
public static class ResourceCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "name,description,tags,capacity,timeZone,location,group,available";

    /// <summary>The CSV text, header first, CRLF line ends as RFC 4180 says.</summary>
    public static string Write(IEnumerable<ResourceView> resources)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var r in resources)
        {
            string[] cells =
            [
                r.Name, r.Description ?? "", string.Join(',', r.Tags), r.Capacity.ToString(CultureInfo.InvariantCulture), r.TimeZone, r.Location ?? "", "",
                r.Status == "available" ? "true" : "false",
            ];
            csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 || cell.StartsWith(' ') || cell.EndsWith(' ') ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
