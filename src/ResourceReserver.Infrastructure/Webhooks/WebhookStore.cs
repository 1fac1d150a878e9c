using System.Data.Common;
using System.Text.Json;
using ResourceReserver.Audit;
using ResourceReserver.Infrastructure.Audit;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Infrastructure.Webhooks;

/// <summary>A webhook subscription; the secret is kept apart and shown only when created or rotated.</summary>
public sealed record Webhook(Guid Id, string Url, IReadOnlyList<string> Events, bool Active, string? Description, Guid CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Webhook subscriptions (admin-managed).</summary>
public sealed partial class WebhookStore(DbDataSource dataSource)
{
    private const string Columns = "id, url, events, active, description, created_by, created_ms, updated_ms";

    /// <summary>Stores a new webhook with its secret, and <paramref name="audit"/> with it.</summary>
    public Task CreateAsync(Webhook hook, string secret, AuditEntry audit, CancellationToken ct) =>
        AuditedWrite.RunAsync(dataSource, audit, async transaction => await AuditedWrite.ExecuteAsync(transaction,
            """
            INSERT INTO webhooks (id, url, events, secret, active, description, created_by, created_ms, updated_ms)
            VALUES (@id, @url, @events, @secret, @active, @description, @by, @created, @updated)
            """, ct,
            ("id", hook.Id.ToString()), ("url", hook.Url), ("events", JsonSerializer.Serialize(hook.Events)), ("secret", secret),
            ("active", hook.Active ? 1 : 0), ("description", hook.Description), ("by", hook.CreatedBy.ToString()),
            ("created", hook.CreatedAt.ToUnixMs()), ("updated", hook.UpdatedAt.ToUnixMs())) == 1, ct);

    /// <summary>Replaces the editable fields; false when there is no such webhook.</summary>
    public Task<bool> UpdateAsync(Webhook hook, AuditEntry audit, CancellationToken ct) =>
        AuditedWrite.RunAsync(dataSource, audit, async transaction => await AuditedWrite.ExecuteAsync(transaction,
            "UPDATE webhooks SET url = @url, events = @events, active = @active, description = @description, updated_ms = @updated WHERE id = @id", ct,
            ("id", hook.Id.ToString()), ("url", hook.Url), ("events", JsonSerializer.Serialize(hook.Events)),
            ("active", hook.Active ? 1 : 0), ("description", hook.Description), ("updated", hook.UpdatedAt.ToUnixMs())) == 1, ct);

    /// <summary>Replaces the secret; false when there is no such webhook.</summary>
    public Task<bool> SetSecretAsync(Guid id, string secret, DateTimeOffset now, AuditEntry audit, CancellationToken ct) =>
        AuditedWrite.RunAsync(dataSource, audit, async transaction => await AuditedWrite.ExecuteAsync(transaction,
            "UPDATE webhooks SET secret = @secret, updated_ms = @now WHERE id = @id", ct,
            ("id", id.ToString()), ("secret", secret), ("now", now.ToUnixMs())) == 1, ct);

    /// <summary>Deletes a webhook and its delivery history.</summary>
    public Task<bool> DeleteAsync(Guid id, AuditEntry audit, CancellationToken ct) =>
        AuditedWrite.RunAsync(dataSource, audit, async transaction =>
        {
            await AuditedWrite.ExecuteAsync(transaction, "DELETE FROM webhook_deliveries WHERE webhook_id = @id", ct, ("id", id.ToString()));
            return await AuditedWrite.ExecuteAsync(transaction, "DELETE FROM webhooks WHERE id = @id", ct, ("id", id.ToString())) == 1;
        }, ct);

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
