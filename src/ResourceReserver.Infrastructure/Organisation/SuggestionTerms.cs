using System.Data.Common;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Infrastructure.Organisation;

/// <summary>A term search suggestions may offer: a resource, tag, group or label name.</summary>
public sealed record SuggestionTerm(string Kind, string Text, Guid? Id);

/// <summary>Reads the terms search suggestions draw from: prefix matches fresh from the database, or every term at once.</summary>
public sealed class SuggestionTerms(DbDataSource dataSource)
{
    private const string AllTerms =
        """
        SELECT 'resource', payload, id FROM resources WHERE deleted = 0
        UNION ALL SELECT DISTINCT 'tag', t.tag, NULL FROM resource_tags t
        UNION ALL SELECT 'group', name, id FROM resource_groups
        UNION ALL SELECT 'label', category || ': ' || value, id FROM labels
        """;

    /// <summary>Up to <paramref name="limit"/> terms of each kind whose name starts with <paramref name="prefix"/> (case-insensitive).</summary>
    public async Task<IReadOnlyList<SuggestionTerm>> StartingWithAsync(string prefix, int limit, CancellationToken ct = default)
    {
        var pattern = prefix.ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command(
            """
            SELECT * FROM (SELECT 'resource' AS kind, payload AS text, id FROM resources WHERE deleted = 0 AND name_key LIKE @p ESCAPE '\' ORDER BY name_key LIMIT @n) r
            UNION ALL SELECT * FROM (SELECT DISTINCT 'tag' AS kind, tag AS text, NULL AS id FROM resource_tags WHERE tag LIKE @p ESCAPE '\' ORDER BY tag LIMIT @n) t
            UNION ALL SELECT * FROM (SELECT 'group' AS kind, name AS text, id FROM resource_groups WHERE name_key LIKE @p ESCAPE '\' ORDER BY name_key LIMIT @n) g
            UNION ALL SELECT * FROM (SELECT 'label' AS kind, category || ': ' || value AS text, id FROM labels
                WHERE LOWER(value) LIKE @p ESCAPE '\' OR LOWER(category) LIKE @p ESCAPE '\' ORDER BY label_key LIMIT @n) l
            """).With("p", pattern).With("n", limit);
        return await ReadAsync(command, ct);
    }

    /// <summary>Every term (for typo-tolerant matching over a cached copy).</summary>
    public async Task<IReadOnlyList<SuggestionTerm>> AllAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command(AllTerms);
        return await ReadAsync(command, ct);
    }

    private static async Task<IReadOnlyList<SuggestionTerm>> ReadAsync(DbCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var terms = new List<SuggestionTerm>();
        while (await reader.ReadAsync(ct))
        {
            var kind = reader.GetString(0);
            var text = reader.GetString(1);
            if (kind == "resource")
            {
                // The row keeps the name in its payload only; name_key is lower-cased.
                text = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("details").GetProperty("name").GetString() ?? "";
            }

            terms.Add(new SuggestionTerm(kind, text, reader.IsDBNull(2) ? null : Guid.Parse(reader.GetString(2))));
        }

        return terms;
    }
}
