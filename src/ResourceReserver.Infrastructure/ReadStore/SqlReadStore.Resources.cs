using System.Data.Common;
using System.Text;
using System.Text.Json;
using ResourceReserver.Contracts;

namespace ResourceReserver.Infrastructure.ReadStore;

public sealed partial class SqlReadStore
{
    /// <summary>Live resources by name, filtered and keyset-paginated.</summary>
    public async Task<Page<ResourceSnapshot>> ListResourcesAsync(ResourceFilter filter, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT r.payload, r.name_key, r.id FROM resources r WHERE r.deleted = 0");
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            // Escape LIKE wildcards so user text is matched literally.
            var pattern = "%" + filter.Query.Trim().ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            sql.Append(" AND r.search_text LIKE @q ESCAPE '\\'");
            command.With("q", pattern);
        }

        for (var i = 0; i < filter.Tags.Count; i++)
        {
            sql.Append($" AND EXISTS (SELECT 1 FROM resource_tags t WHERE t.resource_id = r.id AND t.tag = @tag{i})");
            command.With($"tag{i}", filter.Tags[i]);
        }

        AppendOrganisation(sql, command, filter);
        if (filter.Status is not null)
        {
            sql.Append(" AND r.status = @status");
            command.With("status", filter.Status);
        }

        if (filter.AvailableFrom is { } from && filter.AvailableUntil is { } until)
        {
            // Conservative for capacity > 1: counts every overlapping booking as if they all overlapped each other.
            sql.Append(" AND r.status = 'available' AND r.capacity > COALESCE((SELECT SUM(x.quantity) FROM reservations x"
                + " WHERE x.resource_id = r.id AND x.status = 'confirmed' AND x.start_ms < @until AND x.end_ms > @from), 0)");
            command.With("from", from.ToUnixMs()).With("until", until.ToUnixMs());
        }

        if (Cursor.TryDecode(filter.Cursor, out var lastName, out var lastId))
        {
            sql.Append(" AND (r.name_key > @cn OR (r.name_key = @cn AND r.id > @cid))");
            command.With("cn", lastName).With("cid", lastId);
        }

        sql.Append(" ORDER BY r.name_key, r.id LIMIT @limit");
        command.With("limit", filter.Limit + 1);
        command.CommandText = sql.ToString();
        return await ReadPageAsync(command, filter.Limit, json => JsonSerializer.Deserialize<ResourceSnapshot>(json, ReadStoreJson.Options)!, ct);
    }

    private static void AppendOrganisation(StringBuilder sql, DbCommand command, ResourceFilter filter)
    {
        if (filter.GroupId is { } groupId)
        {
            sql.Append(filter.IncludeSubgroups
                ? " AND r.group_id IN (WITH RECURSIVE subtree(id) AS (SELECT CAST(@group AS TEXT) UNION SELECT g.id FROM resource_groups g"
                    + " JOIN subtree s ON g.parent_id = s.id) SELECT id FROM subtree)"
                : " AND r.group_id = @group");
            command.With("group", groupId.ToString());
        }

        var labels = filter.Labels ?? [];
        for (var i = 0; i < labels.Count; i++)
        {
            sql.Append($" AND EXISTS (SELECT 1 FROM resource_labels l WHERE l.resource_id = r.id AND l.label_id = @label{i})");
            command.With($"label{i}", labels[i].ToString());
        }

        if (filter.MinCapacity is { } minCapacity)
        {
            sql.Append(" AND r.capacity >= @minCapacity");
            command.With("minCapacity", minCapacity);
        }
    }

    /// <summary>The live resources carrying a tag.</summary>
    public async Task<IReadOnlyList<Guid>> ResourcesTaggedAsync(string tag, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command(
            "SELECT t.resource_id FROM resource_tags t JOIN resources r ON r.id = t.resource_id WHERE t.tag = @tag AND r.deleted = 0").With("tag", tag);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(ct))
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    /// <summary>Tags of live resources with their counts, most used first.</summary>
    public async Task<IReadOnlyList<TagCount>> GetTagCountsAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command(
            "SELECT t.tag, COUNT(*) FROM resource_tags t JOIN resources r ON r.id = t.resource_id WHERE r.deleted = 0 GROUP BY t.tag ORDER BY COUNT(*) DESC, t.tag");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var tags = new List<TagCount>();
        while (await reader.ReadAsync(ct))
        {
            tags.Add(new TagCount(reader.GetString(0), Convert.ToInt32(reader.GetValue(1))));
        }

        return tags;
    }
}
