using System.Data.Common;
using System.Text.Json;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Infrastructure.Webhooks;

/// <summary>A webhook subscription; the secret is kept apart and shown only when created or rotated.</summary>
public sealed record Webhook(Guid Id, string Url, IReadOnlyList<string> Events, bool Active, string? Description, Guid CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Webhook subscriptions (admin-managed).</summary>
public sealed partial class WebhookStore(DbDataSource dataSource)
{
    private const string Columns = "id, url, events, active, description, created_by, created_ms, updated_ms";

    /// <summary>Stores a new webhook with its secret.</summary>
    public async Task CreateAsync(Webhook hook, string secret, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command(
            """
            INSERT INTO webhooks (id, url, events, secret, active, description, created_by, created_ms, updated_ms)
            VALUES (@id, @url, @events, @secret, @active, @description, @by, @created, @updated)
            """)
            .With("id", hook.Id.ToString()).With("url", hook.Url).With("events", JsonSerializer.Serialize(hook.Events))
            .With("secret", secret).With("active", hook.Active ? 1 : 0).With("description", hook.Description)
            .With("by", hook.CreatedBy.ToString()).With("created", hook.CreatedAt.ToUnixMs()).With("updated", hook.UpdatedAt.ToUnixMs());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Replaces the editable fields; false when there is no such webhook.</summary>
    public async Task<bool> UpdateAsync(Webhook hook, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command(
            "UPDATE webhooks SET url = @url, events = @events, active = @active, description = @description, updated_ms = @updated WHERE id = @id")
            .With("id", hook.Id.ToString()).With("url", hook.Url).With("events", JsonSerializer.Serialize(hook.Events))
            .With("active", hook.Active ? 1 : 0).With("description", hook.Description).With("updated", hook.UpdatedAt.ToUnixMs());
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Replaces the secret; false when there is no such webhook.</summary>
    public async Task<bool> SetSecretAsync(Guid id, string secret, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command("UPDATE webhooks SET secret = @secret, updated_ms = @now WHERE id = @id")
            .With("id", id.ToString()).With("secret", secret).With("now", now.ToUnixMs());
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Deletes a webhook and its delivery history.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var deliveries = connection.Command("DELETE FROM webhook_deliveries WHERE webhook_id = @id").With("id", id.ToString()))
        {
            await deliveries.ExecuteNonQueryAsync(ct);
        }

        await using var command = connection.Command("DELETE FROM webhooks WHERE id = @id").With("id", id.ToString());
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>One webhook, or null.</summary>
    public async Task<Webhook?> GetAsync(Guid id, CancellationToken ct) =>
        (await QueryAsync($"SELECT {Columns} FROM webhooks WHERE id = @id", ct, ("id", id.ToString()))).FirstOrDefault();

    /// <summary>All webhooks, oldest first.</summary>
    public Task<IReadOnlyList<Webhook>> ListAsync(CancellationToken ct) => QueryAsync($"SELECT {Columns} FROM webhooks ORDER BY created_ms, id", ct);

    /// <summary>All webhooks, oldest first, read inside a dispatcher pass.</summary>
    public async Task<IReadOnlyList<Webhook>> ListAsync(DbTransaction transaction, CancellationToken ct)
    {
        await using var command = transaction.Connection!.Command($"SELECT {Columns} FROM webhooks ORDER BY created_ms, id", transaction);
        return await ReadAsync(command, ct);
    }

    /// <summary>A webhook's secret, or null.</summary>
    public async Task<string?> GetSecretAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command("SELECT secret FROM webhooks WHERE id = @id").With("id", id.ToString());
        return await command.ExecuteScalarAsync(ct) as string;
    }

    private async Task<IReadOnlyList<Webhook>> QueryAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = connection.Command(sql);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        return await ReadAsync(command, ct);
    }

    private static async Task<IReadOnlyList<Webhook>> ReadAsync(DbCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var hooks = new List<Webhook>();
        while (await reader.ReadAsync(ct))
        {
            hooks.Add(new Webhook(
                Guid.Parse(reader.GetString(0)), reader.GetString(1), JsonSerializer.Deserialize<string[]>(reader.GetString(2))!,
                Convert.ToInt64(reader.GetValue(3)) != 0, reader.IsDBNull(4) ? null : reader.GetString(4), Guid.Parse(reader.GetString(5)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7))));
        }

        return hooks;
    }
}
