using System.Globalization;
using ResourceReserver.Contracts;
using ResourceReserver.Resources;

namespace ResourceReserver.Host.Import;

/// <summary>
/// Turns a read CSV file into an <see cref="ImportPlan"/>: each row is matched by name (case-insensitive) against the
/// live resources, parsed and checked with the same rules as the API, so nothing is written unless every row passes.
/// </summary>
public static class ImportPlanner
{
    /// <summary>Plans the import of <paramref name="sheet"/> over the resources that exist now, keyed by upper-case trimmed name.</summary>
    public static ImportPlan Plan(CsvSheet sheet, IReadOnlyDictionary<string, ResourceSnapshot> existing, GroupPaths groups)
    {
        var errors = sheet.Errors.ToList();
        var creates = new List<PlannedCreate>();
        var updates = new List<PlannedUpdate>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var rowErrors = new List<ImportRowError>();
            var name = row["name"] ?? "";
            if (name.Length > 0 && !seen.TryAdd(NameKey(name), row.Number))
            {
                rowErrors.Add(new ImportRowError(row.Number, "name", $"The name '{name}' is already on row {seen[NameKey(name)]}."));
            }

            var current = name.Length > 0 ? existing.GetValueOrDefault(NameKey(name)) : null;
            var cells = ParseCells(row, groups, rowErrors);
            var desired = Desired(row, name, cells, current?.Details);
            if (rowErrors.Count == 0 && ResourceDetailsValidator.Validate(ResourceDetailsValidator.Normalize(desired)) is { Errors: { } invalid })
            {
                rowErrors.AddRange(invalid.Select(e => new ImportRowError(row.Number, ColumnOf(e.Key), string.Join(" ", e.Value))));
            }

            errors.AddRange(rowErrors);
            if (rowErrors.Count > 0)
            {
                continue;
            }

            if (current is null)
            {
                creates.Add(new PlannedCreate(row.Number, ResourceDetailsValidator.Normalize(desired), cells.Available ?? true));
            }
            else
            {
                updates.Add(new PlannedUpdate(row.Number, current, Patch(current.Details, ResourceDetailsValidator.Normalize(desired)), StatusChange(current.Status, cells.Available)));
            }
        }

        return new ImportPlan(sheet.RowCount, creates, updates, errors.OrderBy(e => e.Row).ToList());
    }

    /// <summary>The key names are matched by: trimmed, upper-case invariant (as the name directory keys them).</summary>
    public static string NameKey(string name) => name.Trim().ToUpperInvariant();

    private static ParsedCells ParseCells(CsvRow row, GroupPaths groups, List<ImportRowError> errors)
    {
        int? capacity = null;
        if (row["capacity"] is { Length: > 0 } capacityText)
        {
            if (int.TryParse(capacityText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                capacity = parsed;
            }
            else
            {
                errors.Add(new ImportRowError(row.Number, "capacity", $"'{Clip(capacityText)}' is not a whole number."));
            }
        }

        bool? available = null;
        if (row["available"] is { Length: > 0 } availableText)
        {
            if (bool.TryParse(availableText, out var parsed))
            {
                available = parsed;
            }
            else
            {
                errors.Add(new ImportRowError(row.Number, "available", $"'{Clip(availableText)}' is neither true nor false."));
            }
        }

        Guid? groupId = null;
        if (row["group"] is { Length: > 0 } groupText)
        {
            var (id, problem) = groups.Resolve(groupText);
            groupId = id;
            if (problem is not null)
            {
                errors.Add(new ImportRowError(row.Number, "group", problem));
            }
        }

        return new ParsedCells(capacity, available, groupId);
    }

    private static ResourceDetails Desired(CsvRow row, string name, ParsedCells cells, ResourceDetails? current)
    {
        var start = current ?? new ResourceDetails { Name = name };
        return start with
        {
            Name = name,
            Description = Text(row.Raw("description"), start.Description),
            Tags = row["tags"] is { } tags ? tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : start.Tags,
            Capacity = cells.Capacity ?? start.Capacity,
            TimeZone = row["timeZone"] is { Length: > 0 } zone ? zone : start.TimeZone,
            Location = Text(row.Raw("location"), start.Location),
            GroupId = row["group"] is null ? start.GroupId : cells.GroupId,
        };
    }

    // An absent column keeps the value; an empty cell clears it.
    private static string? Text(string? cell, string? current) => cell is null ? current : cell.Length == 0 ? null : cell;

    private static ResourcePatch? Patch(ResourceDetails current, ResourceDetails desired)
    {
        var patch = new ResourcePatch
        {
            Name = desired.Name != current.Name ? desired.Name : null,
            Description = (desired.Description ?? "") != (current.Description ?? "") ? desired.Description ?? "" : null,
            Tags = desired.Tags.SequenceEqual(current.Tags) ? null : desired.Tags,
            Capacity = desired.Capacity != current.Capacity ? desired.Capacity : null,
            TimeZone = desired.TimeZone != current.TimeZone ? desired.TimeZone : null,
            Location = (desired.Location ?? "") != (current.Location ?? "") ? desired.Location ?? "" : null,
            GroupId = desired.GroupId != current.GroupId ? desired.GroupId : null,
            ClearGroup = desired.GroupId is null && current.GroupId is not null,
        };
        return patch == new ResourcePatch() ? null : patch;
    }

    private static ResourceStatus? StatusChange(ResourceStatus current, bool? available) => available switch
    {
        true when current != ResourceStatus.Available => ResourceStatus.Available,

        // "false" means "not bookable": a resource in maintenance stays in maintenance.
        false when current == ResourceStatus.Available => ResourceStatus.Disabled,
        _ => null,
    };

    private static string? ColumnOf(string field) => ResourceCsv.Columns.Contains(field) ? field : field == "groupId" ? "group" : null;

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private sealed record ParsedCells(int? Capacity, bool? Available, Guid? GroupId);
}
