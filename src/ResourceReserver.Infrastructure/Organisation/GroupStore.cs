using System.Data.Common;
using ResourceReserver.Contracts;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Infrastructure.Organisation;

/// <summary>
/// The group tree in the read store's database. Every change runs in a fenced transaction: it first bumps the one
/// <c>org_fence</c> row, so concurrent changes (on any silo) queue behind each other and each checks cycles and
/// emptiness against a tree nobody else is changing.
/// </summary>
public sealed class GroupStore(DbDataSource dataSource, TimeProvider clock)
{
    /// <summary>The kinds a group may have.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["building", "floor", "area", "other"];

    private const string Columns = "id, name, kind, parent_id, description, created_ms, updated_ms";

    /// <summary>Creates a group under <paramref name="parentId"/> (or at the top); sibling names are unique.</summary>
    public Task<Outcome<GroupRecord>> CreateAsync(string name, string kind, Guid? parentId, string? description, CancellationToken ct = default) =>
        FencedAsync<GroupRecord>(async (connection, transaction) =>
        {
            if (parentId is { } parent && await FindAsync(connection, transaction, parent, ct) is null)
            {
                return UnknownParent(parent);
            }

            if (await SiblingNamedAsync(connection, transaction, parentId, name, null, ct))
            {
                return NameTaken(name);
            }

            var now = clock.GetUtcNow();
            var group = new GroupRecord(Guid.CreateVersion7(), name, kind, parentId, description, now, now);
            await using var insert = connection.Command(
                $"INSERT INTO resource_groups ({Columns}, name_key) VALUES (@id, @name, @kind, @parent, @description, @created, @updated, @key)", transaction);
            Bind(insert, group);
            await insert.ExecuteNonQueryAsync(ct);
            return group;
        }, ct);

    /// <summary>Renames, re-kinds, describes or moves a group; moving it under itself or a descendant is a cycle.</summary>
    public Task<Outcome<GroupRecord>> UpdateAsync(Guid id, GroupChange change, CancellationToken ct = default) =>
        FencedAsync<GroupRecord>(async (connection, transaction) =>
        {
            if (await FindAsync(connection, transaction, id, ct) is not { } current)
            {
                return NotFound(id);
            }

            var parentId = change.ToRoot ? null : change.ParentId ?? current.ParentId;
            if (parentId is { } parent && parent != current.ParentId)
            {
                var parents = await ParentsAsync(connection, transaction, ct);
                if (!parents.ContainsKey(parent))
                {
                    return UnknownParent(parent);
                }

                // Walk up from the new parent: meeting the group itself means it would become its own ancestor.
                for (Guid? at = parent; at is { } step; at = parents.GetValueOrDefault(step))
                {
                    if (step == id)
                    {
                        return DomainError.Conflict(ProblemCode.GroupCycle, "A group cannot move under itself or one of its own subgroups.");
                    }
                }
            }

            var name = change.Name ?? current.Name;
            if (await SiblingNamedAsync(connection, transaction, parentId, name, id, ct))
            {
                return NameTaken(name);
            }

            var group = current with
            {
                Name = name, Kind = change.Kind ?? current.Kind, ParentId = parentId,
                Description = change.Description ?? current.Description, UpdatedAt = clock.GetUtcNow(),
            };
            await using var update = connection.Command(
                """
                UPDATE resource_groups SET name = @name, name_key = @key, kind = @kind, parent_id = @parent, description = @description,
                    created_ms = @created, updated_ms = @updated WHERE id = @id
                """, transaction);
            Bind(update, group);
            await update.ExecuteNonQueryAsync(ct);
            return group;
        }, ct);

    /// <summary>Deletes a group that has neither subgroups nor live resources.</summary>
    public Task<Outcome<GroupRecord>> DeleteAsync(Guid id, CancellationToken ct = default) =>
        FencedAsync<GroupRecord>(async (connection, transaction) =>
        {
            if (await FindAsync(connection, transaction, id, ct) is not { } current)
            {
                return NotFound(id);
            }

            // Delete first, count after: the delete locks the row, so a resource commit placing a resource in this
            // group (which holds the row FOR SHARE, see ResourceRows.Fence) has either committed and is counted here,
            // or waits and then finds the group gone. A non-empty group rolls the delete back.
            await using (var delete = connection.Command("DELETE FROM resource_groups WHERE id = @id", transaction).With("id", id.ToString()))
            {
                await delete.ExecuteNonQueryAsync(ct);
            }

            await using var count = connection.Command(
                """
                SELECT (SELECT COUNT(*) FROM resource_groups WHERE parent_id = @id) + (SELECT COUNT(*) FROM resources WHERE group_id = @id AND deleted = 0)
                """, transaction).With("id", id.ToString());
            if (Convert.ToInt64(await count.ExecuteScalarAsync(ct)) > 0)
            {
                return DomainError.Conflict(ProblemCode.GroupNotEmpty, $"Group '{current.Name}' still holds subgroups or resources; move or delete them first.");
            }

            return current;
        }, ct);

    /// <summary>One group, or null.</summary>
    public async Task<GroupRecord?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await FindAsync(connection, null, id, ct);
    }

    /// <summary>Groups by name, keyset-paginated.</summary>
    public async Task<Page<GroupRecord>> ListAsync(int limit, string? cursor, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        var after = Cursor.TryDecode(cursor, out var lastName, out var lastId);
        command.CommandText = $"SELECT {Columns} FROM resource_groups"
            + (after ? " WHERE (name_key > @cn OR (name_key = @cn AND id > @cid))" : "") + " ORDER BY name_key, id LIMIT @limit";
        if (after)
        {
            command.With("cn", lastName).With("cid", lastId);
        }

        command.With("limit", limit + 1);
        var groups = await ReadAsync(command, ct);
        var more = groups.Count > limit;
        var items = groups.Take(limit).ToList();
        return new Page<GroupRecord>(items, more ? Cursor.Encode(items[^1].Name.ToLowerInvariant(), items[^1].Id.ToString()) : null);
    }

    /// <summary>The whole tree, siblings by name, each with the live resources of its subtree.</summary>
    public async Task<IReadOnlyList<GroupTreeNode>> TreeAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command($"SELECT {Columns} FROM resource_groups ORDER BY name_key, id");
        var groups = await ReadAsync(command, ct);
        var direct = new Dictionary<string, int>();
        await using (var counts = connection.Command("SELECT group_id, COUNT(*) FROM resources WHERE deleted = 0 AND group_id IS NOT NULL GROUP BY group_id"))
        await using (var reader = await counts.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                direct[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1));
            }
        }

        var children = groups.ToLookup(g => g.ParentId);
        GroupTreeNode Build(GroupRecord g)
        {
            var below = children[g.Id].Select(Build).ToList();
            return new GroupTreeNode(g.Id, g.Name, g.Kind, g.ParentId, below, direct.GetValueOrDefault(g.Id.ToString()) + below.Sum(c => c.ResourceCount));
        }

        return children[null].Select(Build).ToList();
    }

    private async Task<Outcome<T>> FencedAsync<T>(Func<DbConnection, DbTransaction, Task<Outcome<T>>> change, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var fence = connection.Command("UPDATE org_fence SET version = version + 1 WHERE id = 1", transaction))
        {
            await fence.ExecuteNonQueryAsync(ct);
        }

        var outcome = await change(connection, transaction);
        if (outcome.IsSuccess)
        {
            await transaction.CommitAsync(ct);
        }
        else
        {
            await transaction.RollbackAsync(ct);
        }

        return outcome;
    }

    private static async Task<Dictionary<Guid, Guid?>> ParentsAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        await using var command = connection.Command("SELECT id, parent_id FROM resource_groups", transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var parents = new Dictionary<Guid, Guid?>();
        while (await reader.ReadAsync(ct))
        {
            parents[Guid.Parse(reader.GetString(0))] = reader.IsDBNull(1) ? null : Guid.Parse(reader.GetString(1));
        }

        return parents;
    }

    private static async Task<bool> SiblingNamedAsync(DbConnection connection, DbTransaction transaction, Guid? parentId, string name, Guid? except, CancellationToken ct)
    {
        await using var command = connection.Command(
            "SELECT COUNT(*) FROM resource_groups WHERE name_key = @key AND id <> @except AND "
            + (parentId is null ? "parent_id IS NULL" : "parent_id = @parent"), transaction)
            .With("key", name.ToLowerInvariant()).With("except", (except ?? Guid.Empty).ToString()).With("parent", parentId?.ToString());
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct)) > 0;
    }

    private static async Task<GroupRecord?> FindAsync(DbConnection connection, DbTransaction? transaction, Guid id, CancellationToken ct)
    {
        await using var command = connection.Command($"SELECT {Columns} FROM resource_groups WHERE id = @id", transaction).With("id", id.ToString());
        return (await ReadAsync(command, ct)).FirstOrDefault();
    }

    private static async Task<List<GroupRecord>> ReadAsync(DbCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var groups = new List<GroupRecord>();
        while (await reader.ReadAsync(ct))
        {
            groups.Add(new GroupRecord(
                Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : Guid.Parse(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
        }

        return groups;
    }

    private static void Bind(DbCommand command, GroupRecord g) => command
        .With("id", g.Id.ToString()).With("name", g.Name).With("key", g.Name.ToLowerInvariant()).With("kind", g.Kind)
        .With("parent", g.ParentId?.ToString()).With("description", g.Description)
        .With("created", g.CreatedAt.ToUnixMs()).With("updated", g.UpdatedAt.ToUnixMs());

    private static DomainError NotFound(Guid id) => DomainError.NotFound(ProblemCode.GroupNotFound, $"Group '{id}' does not exist.");

    private static DomainError UnknownParent(Guid id) =>
        new(ErrorKind.Validation, ProblemCode.ValidationFailed, $"parentId: group '{id}' does not exist.") { Errors = new Dictionary<string, string[]> { ["parentId"] = [$"Group '{id}' does not exist."] } };

    private static DomainError NameTaken(string name) => DomainError.Conflict(ProblemCode.GroupNameTaken, $"A group named '{name}' already exists at that place in the tree.");
}
