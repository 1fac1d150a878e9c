using System.Data.Common;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Infrastructure.Organisation;

/// <summary>Users' saved searches; every call is scoped to the owner, so nobody reaches another user's.</summary>
public sealed class SavedSearchStore(DbDataSource dataSource)
{
    /// <summary>How many searches one user may keep.</summary>
    public const int MaxPerUser = 100;

    /// <summary>Stores a search; false when the user already keeps <see cref="MaxPerUser"/>.</summary>
    public async Task<bool> AddAsync(SavedSearchRecord search, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var insert = connection.Command(
            """
            INSERT INTO saved_searches (id, user_id, name, query, created_ms)
            SELECT @id, @user, @name, @query, @created WHERE (SELECT COUNT(*) FROM saved_searches WHERE user_id = @user) < @max
            """)
            .With("id", search.Id.ToString()).With("user", search.UserId.ToString()).With("name", search.Name).With("query", search.Query)
            .With("created", search.CreatedAt.ToUnixMs()).With("max", MaxPerUser);
        return await insert.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>The user's searches, oldest first.</summary>
    public Task<List<SavedSearchRecord>> ListAsync(Guid userId, CancellationToken ct = default) =>
        QueryAsync("SELECT id, user_id, name, query, created_ms FROM saved_searches WHERE user_id = @user ORDER BY created_ms, id", userId, null, ct);

    /// <summary>One of the user's searches, or null (also for another user's).</summary>
    public async Task<SavedSearchRecord?> GetAsync(Guid userId, Guid id, CancellationToken ct = default) =>
        (await QueryAsync("SELECT id, user_id, name, query, created_ms FROM saved_searches WHERE user_id = @user AND id = @id", userId, id, ct)).FirstOrDefault();

    /// <summary>Deletes one of the user's searches; false when it is not theirs or does not exist.</summary>
    public async Task<bool> DeleteAsync(Guid userId, Guid id, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var delete = connection.Command("DELETE FROM saved_searches WHERE user_id = @user AND id = @id")
            .With("user", userId.ToString()).With("id", id.ToString());
        return await delete.ExecuteNonQueryAsync(ct) == 1;
    }

    private async Task<List<SavedSearchRecord>> QueryAsync(string sql, Guid userId, Guid? id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command(sql).With("user", userId.ToString()).With("id", id?.ToString());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var searches = new List<SavedSearchRecord>();
        while (await reader.ReadAsync(ct))
        {
            searches.Add(new SavedSearchRecord(
                Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }

        return searches;
    }
}
