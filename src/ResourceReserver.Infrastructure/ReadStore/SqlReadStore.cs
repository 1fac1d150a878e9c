using System.Data.Common;
using System.Text.Json;
using ResourceReserver.Audit;
using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Infrastructure.Audit;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.Resources;
using ResourceReserver.Infrastructure.Schema;

namespace ResourceReserver.Infrastructure.ReadStore;

/// <summary>
/// The read side over the one database: the event log (history, audit) and the lists that span many grains. Also
/// the event sink of the grains that keep an outbox (users, waitlists): appends each event to the log once (by
/// event id) and applies it to the projections, all in one transaction. Those projections only move forward (a
/// row changes only for a newer version), so redelivered or reordered events are harmless. Resources write their
/// rows and events themselves, in the transaction that decides them (<c>Resources/SqlResourceStore</c>).
/// </summary>
public sealed partial class SqlReadStore(DbDataSource dataSource, EventSignal? signal = null) : IEventSink
{
    private readonly SqlDialect _dialect = SqlDialects.Of(dataSource);

    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var batch = new SqlBatch(transaction);
        Project(batch, events, _dialect);
        await batch.ExecuteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal?.Committed();
    }

    /// <summary>
    /// Appends events to the log and their entries to the audit log, and moves their projections forward (never back:
    /// only newer versions). Events that exist for the audit log alone go there only.
    /// </summary>
    internal static void Project(SqlBatch batch, IEnumerable<DomainEvent> events, SqlDialect dialect, bool audit = true)
    {
        foreach (var domainEvent in events)
        {
            if (audit)
            {
                AuditRows.Insert(batch, EventAudit.Of(domainEvent));
            }

            if (domainEvent.Audit is { AuditOnly: true })
            {
                continue;
            }

            ResourceRows.Event(batch, domainEvent, dialect);
            if (domainEvent.Reservation is { } reservation)
            {
                ProjectReservation(batch, reservation);
            }

            if (domainEvent.Resource is { } resource)
            {
                ProjectResource(batch, resource);
            }

            if (domainEvent.User is { } user)
            {
                ProjectUser(batch, user);
            }

            if (domainEvent.WaitlistEntry is { } entry)
            {
                ProjectWaitlistEntry(batch, entry);
            }
        }

        ResourceRows.Notify(batch, dialect);
    }

    private static void ProjectReservation(SqlBatch batch, Reservation r) => batch.Add(
        """
        INSERT INTO reservations (id, resource_id, user_id, start_ms, end_ms, quantity, status, version, payload)
        VALUES (@id, @resource, @user, @start, @end, @quantity, @status, @version, @payload)
        ON CONFLICT (id) DO UPDATE SET
            start_ms = excluded.start_ms, end_ms = excluded.end_ms, quantity = excluded.quantity,
            status = excluded.status, version = excluded.version, payload = excluded.payload
        WHERE reservations.version < excluded.version
        """,
        ("id", r.Id.ToString()), ("resource", r.ResourceId.ToString()), ("user", r.UserId.ToString()), ("start", r.Start.ToUnixMs()),
        ("end", r.End.ToUnixMs()), ("quantity", r.Quantity), ("status", StatusText(r.Status)), ("version", r.Version),
        ("payload", JsonSerializer.Serialize(r, ReadStoreJson.Options)));

    private static void ProjectResource(SqlBatch batch, ResourceSnapshot r)
    {
        // Only a newer version replaces the row; the tags follow the same condition.
        var newer = "NOT EXISTS (SELECT 1 FROM resources WHERE id = @id AND version >= @version)";
        var id = r.Id.ToString();
        batch.Add($"DELETE FROM resource_tags WHERE resource_id = @id AND {newer}", ("id", id), ("version", r.Version));
        foreach (var tag in r.Deleted ? [] : r.Details.Tags.Distinct())
        {
            batch.Add($"INSERT INTO resource_tags (resource_id, tag) SELECT @id, @tag WHERE {newer} ON CONFLICT DO NOTHING", ("id", id), ("tag", tag), ("version", r.Version));
        }

        var details = r.Details;
        batch.Add(
            """
            INSERT INTO resources (id, name_key, search_text, status, capacity, deleted, version, payload)
            VALUES (@id, @name, @search, @status, @capacity, @deleted, @version, @payload)
            ON CONFLICT (id) DO UPDATE SET
                name_key = excluded.name_key, search_text = excluded.search_text, status = excluded.status,
                capacity = excluded.capacity, deleted = excluded.deleted, version = excluded.version, payload = excluded.payload
            WHERE resources.version < excluded.version
            """,
            ("id", id), ("name", details.Name.ToLowerInvariant()), ("search", $"{details.Name} {details.Description} {details.Location}".ToLowerInvariant()),
            ("status", r.Status.ToString().ToLowerInvariant()), ("capacity", details.Capacity), ("deleted", r.Deleted ? 1 : 0), ("version", r.Version),
            ("payload", JsonSerializer.Serialize(r, ReadStoreJson.Options)));
    }

    private static void ProjectUser(SqlBatch batch, UserProfile u) => batch.Add(
        """
        INSERT INTO users (id, username_key, version, payload) VALUES (@id, @name, @version, @payload)
        ON CONFLICT (id) DO UPDATE SET username_key = excluded.username_key, version = excluded.version, payload = excluded.payload
        WHERE users.version < excluded.version
        """,
        ("id", u.Id.ToString()), ("name", u.Username.ToLowerInvariant()), ("version", u.Version), ("payload", JsonSerializer.Serialize(u, ReadStoreJson.Options)));

    /// <summary>The stored (and API) spelling of a reservation status.</summary>
    public static string StatusText(ReservationStatus status) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());
}
