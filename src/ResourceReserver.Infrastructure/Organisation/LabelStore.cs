using System.Data.Common;
using ResourceReserver.Contracts;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Infrastructure.Organisation;

/// <summary>Labels in the read store's database; a category and value pair is unique (case-insensitive).</summary>
public sealed class LabelStore(DbDataSource dataSource)
{
    /// <summary>Creates a label; 409 <c>label_taken</c> when the pair exists.</summary>
    public async Task<Outcome<LabelRecord>> CreateAsync(string category, string value, string color, CancellationToken ct = default)
    {
        var label = new LabelRecord(Guid.CreateVersion7(), category, value, color);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var insert = connection.Command(
            "INSERT INTO labels (id, category, value, label_key, color) VALUES (@id, @category, @value, @key, @color) ON CONFLICT (label_key) DO NOTHING");
        Bind(insert, label);
        return await insert.ExecuteNonQueryAsync(ct) == 1 ? label : Taken(category, value);
    }

    /// <summary>Replaces a label's fields.</summary>
    public async Task<Outcome<LabelRecord>> UpdateAsync(LabelRecord label, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var taken = connection.Command("SELECT COUNT(*) FROM labels WHERE label_key = @key AND id <> @id");
        Bind(taken, label);
        if (Convert.ToInt64(await taken.ExecuteScalarAsync(ct)) > 0)
        {
            return Taken(label.Category, label.Value);
        }

        await using var update = connection.Command("UPDATE labels SET category = @category, value = @value, label_key = @key, color = @color WHERE id = @id");
        Bind(update, label);
        try
        {
            return await update.ExecuteNonQueryAsync(ct) == 1 ? label : NotFound(label.Id);
        }
        catch (DbException)
        {
            // A concurrent change took the same pair between the check and the update (the unique index refused it).
            return Taken(label.Category, label.Value);
        }
    }

    /// <summary>
    /// Deletes a label no live resource carries (a label that is already gone counts as deleted); while some still
    /// carry it, changes nothing and answers those resources.
    /// </summary>
    /// <remarks>
    /// Delete first, look after: the delete locks the row, so a resource commit giving a resource this label (which
    /// holds the row FOR SHARE, see <c>ResourceRows.Fence</c>) has either committed and is found here, or waits and
    /// then finds the label gone. Found resources roll the delete back.
    /// </remarks>
    public async Task<IReadOnlyList<Guid>> DeleteUnusedAsync(Guid id, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var delete = connection.Command("DELETE FROM labels WHERE id = @id", transaction).With("id", id.ToString()))
        {
            await delete.ExecuteNonQueryAsync(ct);
        }

        await using var carriers = connection.Command(
            "SELECT l.resource_id FROM resource_labels l JOIN resources r ON r.id = l.resource_id WHERE l.label_id = @id AND r.deleted = 0", transaction)
            .With("id", id.ToString());
        var ids = new List<Guid>();
        await using (var reader = await carriers.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                ids.Add(Guid.Parse(reader.GetString(0)));
            }
        }

        if (ids.Count == 0)
        {
            await transaction.CommitAsync(ct);
        }
        else
        {
            await transaction.RollbackAsync(ct);
        }

        return ids;
    }

    /// <summary>One label, or null.</summary>
    public async Task<LabelRecord?> GetAsync(Guid id, CancellationToken ct = default) =>
        (await QueryAsync("SELECT id, category, value, color FROM labels WHERE id = @id", ct, ("id", id.ToString()))).FirstOrDefault();

    /// <summary>Every label, by category and value.</summary>
    public Task<List<LabelRecord>> ListAsync(CancellationToken ct = default) =>
        QueryAsync("SELECT id, category, value, color FROM labels ORDER BY label_key", ct);

    /// <summary>Which of <paramref name="ids"/> are not labels.</summary>
    public async Task<IReadOnlyList<Guid>> UnknownAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var known = (await ListAsync(ct)).Select(l => l.Id).ToHashSet();
        return ids.Where(id => !known.Contains(id)).ToList();
    }

    private async Task<List<LabelRecord>> QueryAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        var labels = new List<LabelRecord>();
        while (await reader.ReadAsync(ct))
        {
            labels.Add(new LabelRecord(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return labels;
    }

    private static void Bind(DbCommand command, LabelRecord l) => command
        .With("id", l.Id.ToString()).With("category", l.Category).With("value", l.Value).With("color", l.Color)
        .With("key", $"{l.Category.ToLowerInvariant()}\n{l.Value.ToLowerInvariant()}");

    private static DomainError NotFound(Guid id) => DomainError.NotFound(ProblemCode.LabelNotFound, $"Label '{id}' does not exist.");

    private static DomainError Taken(string category, string value) => DomainError.Conflict(ProblemCode.LabelTaken, $"A label '{category}: {value}' already exists.");
}
