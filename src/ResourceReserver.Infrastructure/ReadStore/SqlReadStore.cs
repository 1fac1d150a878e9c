using System.Data.Common;
using System.Text.Json;
using ResourceReserver.Contracts;
using ResourceReserver.Events;

namespace ResourceReserver.Infrastructure.ReadStore;

/// <summary>
/// Receives grains' outboxes: appends each event to the log once (by event id) and applies it to the
/// projections, all in one transaction. Projections only move forward (a row changes only for a newer
/// version), so redelivered or reordered events are harmless.
/// </summary>
public sealed partial class SqlReadStore(DbDataSource dataSource) : IEventSink
{
    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var domainEvent in events)
        {
            await AppendAsync(connection, transaction, domainEvent, cancellationToken);
            if (domainEvent.Reservation is { } reservation)
            {
                await ProjectReservationAsync(connection, transaction, reservation, cancellationToken);
            }

            if (domainEvent.Resource is { } resource)
            {
                await ProjectResourceAsync(connection, transaction, resource, cancellationToken);
            }

            if (domainEvent.User is { } user)
            {
                await ProjectUserAsync(connection, transaction, user, cancellationToken);
            }

            if (domainEvent.WaitlistEntry is { } entry)
            {
                await ProjectWaitlistEntryAsync(connection, transaction, entry, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task AppendAsync(DbConnection connection, DbTransaction transaction, DomainEvent e, CancellationToken ct)
    {
        await using var command = connection.Command(
            """
            INSERT INTO events (event_id, type, entity_type, entity_id, actor_id, occurred_ms, payload)
            VALUES (@id, @type, @entityType, @entityId, @actor, @at, @payload)
            ON CONFLICT (event_id) DO NOTHING
            """, transaction)
            .With("id", e.Id.ToString())
            .With("type", e.Type)
            .With("entityType", e.EntityType)
            .With("entityId", e.EntityId.ToString())
            .With("actor", e.ActorId?.ToString())
            .With("at", e.OccurredAt.ToUnixMs())
            .With("payload", JsonSerializer.Serialize(e, ReadStoreJson.Options));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task ProjectReservationAsync(DbConnection connection, DbTransaction transaction, Reservation r, CancellationToken ct)
    {
        await using var command = connection.Command(
            """
            INSERT INTO reservations (id, resource_id, user_id, start_ms, end_ms, quantity, status, version, payload)
            VALUES (@id, @resource, @user, @start, @end, @quantity, @status, @version, @payload)
            ON CONFLICT (id) DO UPDATE SET
                start_ms = excluded.start_ms, end_ms = excluded.end_ms, quantity = excluded.quantity,
                status = excluded.status, version = excluded.version, payload = excluded.payload
            WHERE reservations.version < excluded.version
            """, transaction)
            .With("id", r.Id.ToString())
            .With("resource", r.ResourceId.ToString())
            .With("user", r.UserId.ToString())
            .With("start", r.Start.ToUnixMs())
            .With("end", r.End.ToUnixMs())
            .With("quantity", r.Quantity)
            .With("status", StatusText(r.Status))
            .With("version", r.Version)
            .With("payload", JsonSerializer.Serialize(r, ReadStoreJson.Options));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task ProjectResourceAsync(DbConnection connection, DbTransaction transaction, ResourceSnapshot r, CancellationToken ct)
    {
        var details = r.Details;
        await using var command = connection.Command(
            """
            INSERT INTO resources (id, name_key, search_text, status, capacity, deleted, version, payload)
            VALUES (@id, @name, @search, @status, @capacity, @deleted, @version, @payload)
            ON CONFLICT (id) DO UPDATE SET
                name_key = excluded.name_key, search_text = excluded.search_text, status = excluded.status,
                capacity = excluded.capacity, deleted = excluded.deleted, version = excluded.version, payload = excluded.payload
            WHERE resources.version < excluded.version
            """, transaction)
            .With("id", r.Id.ToString())
            .With("name", details.Name.ToLowerInvariant())
            .With("search", $"{details.Name} {details.Description} {details.Location}".ToLowerInvariant())
            .With("status", r.Status.ToString().ToLowerInvariant())
            .With("capacity", details.Capacity)
            .With("deleted", r.Deleted ? 1 : 0)
            .With("version", r.Version)
            .With("payload", JsonSerializer.Serialize(r, ReadStoreJson.Options));
        if (await command.ExecuteNonQueryAsync(ct) == 0)
        {
            return;
        }

        await using (var clear = connection.Command("DELETE FROM resource_tags WHERE resource_id = @id", transaction).With("id", r.Id.ToString()))
        {
            await clear.ExecuteNonQueryAsync(ct);
        }

        foreach (var tag in r.Deleted ? [] : details.Tags)
        {
            await using var insert = connection.Command(
                "INSERT INTO resource_tags (resource_id, tag) VALUES (@id, @tag) ON CONFLICT DO NOTHING", transaction)
                .With("id", r.Id.ToString()).With("tag", tag);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task ProjectUserAsync(DbConnection connection, DbTransaction transaction, UserProfile u, CancellationToken ct)
    {
        await using var command = connection.Command(
            """
            INSERT INTO users (id, username_key, version, payload) VALUES (@id, @name, @version, @payload)
            ON CONFLICT (id) DO UPDATE SET username_key = excluded.username_key, version = excluded.version, payload = excluded.payload
            WHERE users.version < excluded.version
            """, transaction)
            .With("id", u.Id.ToString())
            .With("name", u.Username.ToLowerInvariant())
            .With("version", u.Version)
            .With("payload", JsonSerializer.Serialize(u, ReadStoreJson.Options));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The stored (and API) spelling of a reservation status.</summary>
    public static string StatusText(ReservationStatus status) => status.ToString().ToLowerInvariant();
}
