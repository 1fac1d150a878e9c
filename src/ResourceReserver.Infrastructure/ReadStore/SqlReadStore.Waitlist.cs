using System.Text.Json;
using ResourceReserver.Contracts;

namespace ResourceReserver.Infrastructure.ReadStore;

public sealed partial class SqlReadStore
{
    /// <summary>The resource whose waitlist holds the entry, or null when no such entry was ever recorded.</summary>
    public async Task<Guid?> GetWaitlistResourceAsync(Guid entryId, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command("SELECT resource_id FROM waitlist_entries WHERE id = @id").With("id", entryId.ToString());
        return await command.ExecuteScalarAsync(ct) is string id ? Guid.Parse(id) : null;
    }

    /// <summary>The resources in whose waitlists the user has ever had an entry.</summary>
    public async Task<IReadOnlyList<Guid>> GetWaitlistResourcesOfUserAsync(Guid userId, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command("SELECT DISTINCT resource_id FROM waitlist_entries WHERE user_id = @user")
            .With("user", userId.ToString());
        var resources = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            resources.Add(Guid.Parse(reader.GetString(0)));
        }

        return resources;
    }

    private static void ProjectWaitlistEntry(SqlBatch batch, WaitlistEntry e) => batch.Add(
        """
        INSERT INTO waitlist_entries (id, resource_id, user_id, status, version, payload)
        VALUES (@id, @resource, @user, @status, @version, @payload)
        ON CONFLICT (id) DO UPDATE SET status = excluded.status, version = excluded.version, payload = excluded.payload
        WHERE waitlist_entries.version < excluded.version
        """,
        ("id", e.Id.ToString()), ("resource", e.ResourceId.ToString()), ("user", e.UserId.ToString()),
        ("status", e.Status.ToString().ToLowerInvariant()), ("version", e.Version), ("payload", JsonSerializer.Serialize(e, ReadStoreJson.Options)));
}
