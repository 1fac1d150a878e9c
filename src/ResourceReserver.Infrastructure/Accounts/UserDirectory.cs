using System.Data.Common;
using System.Text.Json;
using ResourceReserver.Contracts;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Infrastructure.Accounts;

/// <summary>Which accounts to list: <c>q</c> matches username or e-mail (case-insensitive); null fields do not filter.</summary>
public sealed record UserFilter(string? Query, string? Role, string? Status, int Limit, string? Cursor);

/// <summary>
/// User administration's list, read from the users projection ordered by username. Filters apply to the projected
/// profiles while scanning forward from the cursor, so a page costs in proportion to the rows it passes.
/// </summary>
public sealed class UserDirectory(DbDataSource dataSource)
{
    private const int Chunk = 200;

    /// <summary>One page of live (not erased) accounts.</summary>
    public async Task<Page<UserProfile>> ListAsync(UserFilter filter, CancellationToken ct = default)
    {
        var (afterKey, afterId) = Cursor.TryDecode(filter.Cursor, out var key, out var id) ? (key, id) : ("", "");
        var items = new List<UserProfile>();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        while (true)
        {
            await using var command = connection.Command(
                """
                SELECT username_key, id, payload FROM users
                WHERE username_key > @key OR (username_key = @key AND id > @id)
                ORDER BY username_key, id
                LIMIT @chunk
                """)
                .With("key", afterKey).With("id", afterId).With("chunk", Chunk);
            var read = 0;
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    read++;
                    (afterKey, afterId) = (reader.GetString(0), reader.GetString(1));
                    if (JsonSerializer.Deserialize<UserProfile>(reader.GetString(2), ReadStoreJson.Options) is { } user && Matches(user, filter))
                    {
                        items.Add(user);
                        if (items.Count > filter.Limit)
                        {
                            break;
                        }
                    }
                }
            }

            if (items.Count > filter.Limit || read < Chunk)
            {
                break;
            }
        }

        if (items.Count <= filter.Limit)
        {
            return new Page<UserProfile>(items, null);
        }

        var last = items[filter.Limit - 1];
        return new Page<UserProfile>(items.Take(filter.Limit).ToList(), Cursor.Encode(last.Username.ToLowerInvariant(), last.Id.ToString()));
    }

    private static bool Matches(UserProfile user, UserFilter filter) =>
        user.Status != UserStatus.Deleted
        && (filter.Status is null || user.Status == filter.Status)
        && (filter.Role is null || user.Roles.Contains(filter.Role))
        && (string.IsNullOrEmpty(filter.Query)
            || user.Username.Contains(filter.Query, StringComparison.OrdinalIgnoreCase)
            || user.Email?.Contains(filter.Query, StringComparison.OrdinalIgnoreCase) == true);
}
