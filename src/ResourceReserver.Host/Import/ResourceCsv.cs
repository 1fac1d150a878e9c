using CsvHelper;

namespace ResourceReserver.Host.Import;

/// <summary>
/// The resource CSV format shared by import and export: the columns, and reading a file into rows with every
/// problem of form (header, quoting, field counts, size) named by data row (from 1; 0 is the header) and column.
/// </summary>
public static class ResourceCsv
{
    /// <summary>Most data rows one import takes.</summary>
    public const int MaxRows = 10_000;

    /// <summary>The columns, in the order export writes them; an import may send them in any order, <c>name</c> required.</summary>
    public static readonly IReadOnlyList<string> Columns = ["name", "description", "tags", "capacity", "timeZone", "location", "group", "available"];

    /// <summary>Reads a whole file (UTF-8, BOM or not, CRLF or LF, RFC 4180 quoting).</summary>
    public static async Task<CsvSheet> ReadAsync(Stream content, CancellationToken ct)
    {
        var errors = new List<ImportRowError>();
        CsvMalformedRecord? malformed = null;
        var options = new CsvReaderOptions
        {
            Separator = ',',
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record => malformed = record,
            TrimWhitespace = false,
        };
        await using var reader = CsvReader.Create(content, options, leaveOpen: true);
        await reader.ReadHeaderAsync(ct);
        var columns = HeaderColumns(reader.Headers, errors);
        var rows = new List<CsvRow>();
        var number = 0;
        while (await reader.ReadAsync(ct))
        {
            number++;
            if (number > MaxRows)
            {
                errors.Add(new ImportRowError(number, null, $"A file may hold at most {MaxRows:N0} rows; split it into several imports."));
                break;
            }

            if (malformed is { } bad)
            {
                errors.Add(new ImportRowError(number, null, $"The row is not valid CSV ({Describe(bad.Reason)})."));
                malformed = null;
                continue;
            }

            if (reader.FieldCount != reader.Headers.Count)
            {
                errors.Add(new ImportRowError(number, null, $"The row has {reader.FieldCount} fields; the header has {reader.Headers.Count}."));
                continue;
            }

            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (column, index) in columns)
            {
                cells[column] = reader.GetString(index);
            }

            rows.Add(new CsvRow(number, cells));
        }

        return new CsvSheet(rows, columns.Keys.ToHashSet(), errors, Math.Min(number, MaxRows + 1));
    }

    private static Dictionary<string, int> HeaderColumns(IReadOnlyList<string> headers, List<ImportRowError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
        {
            errors.Add(new ImportRowError(0, null, $"The file needs a header row naming its columns: {string.Join(",", Columns)}."));
            return columns;
        }

        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim();
            if (Columns.FirstOrDefault(c => string.Equals(c, header, StringComparison.OrdinalIgnoreCase)) is not { } column)
            {
                errors.Add(new ImportRowError(0, header, $"Unknown column '{header}'; the columns are {string.Join(",", Columns)}."));
            }
            else if (!columns.TryAdd(column, i))
            {
                errors.Add(new ImportRowError(0, column, $"The column '{column}' appears more than once."));
            }
        }

        if (!columns.ContainsKey("name") && !errors.Any(e => e.Column == "name"))
        {
            errors.Add(new ImportRowError(0, "name", "The column 'name' is required."));
        }

        return columns;
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "a quoted field that is never closed",
        _ => "bad quoting",
    };
}

/// <summary>A file as read: its rows of the right form, the columns it has, the problems of form found and how many data rows it has.</summary>
public sealed record CsvSheet(IReadOnlyList<CsvRow> Rows, IReadOnlySet<string> Columns, IReadOnlyList<ImportRowError> Errors, int RowCount);

/// <summary>One data row: its number (from 1) and its cells by column name.</summary>
public sealed record CsvRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    /// <summary>The trimmed cell, or null when the column is absent from the file.</summary>
    public string? this[string column] => Raw(column)?.Trim();

    /// <summary>The cell as written (free text keeps its spaces), or null when the column is absent.</summary>
    public string? Raw(string column) => Cells.GetValueOrDefault(column);
}
