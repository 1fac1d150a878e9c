using System.Text;
using System.Text.Json;
using ResourceReserver.Audit;
using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Infrastructure.Audit;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Infrastructure.Schema;
using ResourceReserver.Storage;

namespace ResourceReserver.Infrastructure.Resources;

/// <summary>The statements that store a resource's rows, shared by the write path and the forward migration.</summary>
internal static class ResourceRows
{
    /// <summary>
    /// The fence of one commit: it holds (one row affected) when storage is at the version the commit was decided on
    /// and, given <paramref name="referenceGuard"/>, the group and labels the resource is given still exist.
    /// </summary>
    /// <remarks>
    /// The guard closes the race of giving a resource a group or label while that group or label is deleted (or a
    /// label merged away): on PostgreSQL the commit holds the group and label rows <c>FOR SHARE</c> until it commits,
    /// and a delete deletes the row before it counts what still refers to it (<c>GroupStore.DeleteAsync</c>,
    /// <c>LabelStore.DeleteUnusedAsync</c>), so either the delete sees this resource and is rolled back, or this fence
    /// sees the row gone and fails (SQLite runs writers one at a time).
    /// </remarks>
    public static void Fence(SqlBatch batch, ResourceCommit commit, SqlDialect? referenceGuard = null)
    {
        var head = commit.Head;
        var (timing, demand) = (Json(head?.HoldTiming), Json(head?.Demand));
        var (guard, guarded) = referenceGuard is { } dialect && commit.Resource is { Deleted: false } resource ? References(resource.Details, dialect) : ("", []);
        if (commit.ExpectedVersion == 0)
        {
            // The first commit creates the head; a second first commit (a duplicate activation) inserts nothing.
            batch.Add(
                guard.Length == 0
                    ? "INSERT INTO resource_heads (id, version, hold_timing, demand) VALUES (@id, 1, @timing, @demand) ON CONFLICT (id) DO NOTHING"
                    : "INSERT INTO resource_heads (id, version, hold_timing, demand) SELECT @id, 1, @timing, @demand WHERE 1 = 1" + guard + " ON CONFLICT (id) DO NOTHING",
                [("id", Key(commit.ResourceId)), ("timing", timing), ("demand", demand), .. guarded]);
        }
        else if (head is null)
        {
            batch.Add("UPDATE resource_heads SET version = version + 1 WHERE id = @id AND version = @expected" + guard,
                [("id", Key(commit.ResourceId)), ("expected", commit.ExpectedVersion), .. guarded]);
        }
        else
        {
            batch.Add("UPDATE resource_heads SET version = version + 1, hold_timing = @timing, demand = @demand WHERE id = @id AND version = @expected" + guard,
                [("id", Key(commit.ResourceId)), ("expected", commit.ExpectedVersion), ("timing", timing), ("demand", demand), .. guarded]);
        }
    }

    /// <summary>Everything a commit whose fence held writes, in the same transaction, its audit entries included.</summary>
    public static void Write(SqlBatch batch, ResourceCommit commit, SqlDialect dialect, bool audit = true)
    {
        if (commit.Resource is { } resource)
        {
            Resource(batch, resource);
        }

        foreach (var row in commit.Rows)
        {
            Reservation(batch, row);
        }

        var id = Key(commit.ResourceId);
        if (commit.ForgetAnswersBefore is { } before)
        {
            batch.Add("DELETE FROM idempotent_answers WHERE resource_id = @id AND expires_ms <= @before", ("id", id), ("before", before.ToUnixMs()));
        }

        foreach (var answer in commit.Answers)
        {
            batch.Add(
                """
                INSERT INTO idempotent_answers (resource_id, answer_key, fingerprint, answer, expires_ms) VALUES (@id, @key, @fingerprint, @answer, @expires)
                ON CONFLICT (resource_id, answer_key) DO UPDATE SET fingerprint = excluded.fingerprint, answer = excluded.answer, expires_ms = excluded.expires_ms
                """,
                ("id", id), ("key", answer.Key), ("fingerprint", answer.Fingerprint), ("answer", Json(answer.Answer)), ("expires", answer.ExpiresAt.ToUnixMs()));
        }

        foreach (var domainEvent in commit.Events)
        {
            if (domainEvent.Audit is not { AuditOnly: true })
            {
                Event(batch, domainEvent, dialect);
            }

            if (audit)
            {
                AuditRows.Insert(batch, EventAudit.Of(domainEvent));
            }
        }
    }

    /// <summary>A reservation row: what lists show, what the grain makes of it, and the hold it stands for.</summary>
    public static void Reservation(SqlBatch batch, ReservationRow row)
    {
        var r = row.Reservation;
        batch.Add(
            """
            INSERT INTO reservations (id, resource_id, user_id, start_ms, end_ms, quantity, status, version, payload, role, hold)
            VALUES (@id, @resource, @user, @start, @end, @quantity, @status, @version, @payload, @role, @hold)
            ON CONFLICT (id) DO UPDATE SET
                resource_id = excluded.resource_id, user_id = excluded.user_id, start_ms = excluded.start_ms, end_ms = excluded.end_ms,
                quantity = excluded.quantity, status = excluded.status, version = excluded.version, payload = excluded.payload,
                role = excluded.role, hold = excluded.hold
            """,
            ("id", r.Id.ToString()), ("resource", r.ResourceId.ToString()), ("user", r.UserId.ToString()), ("start", r.Start.ToUnixMs()),
            ("end", r.End.ToUnixMs()), ("quantity", r.Quantity), ("status", SqlReadStore.StatusText(r.Status)), ("version", r.Version),
            ("payload", Json(r)), ("role", (int)row.Role), ("hold", row.Role == RowRole.Hold ? Json(row.Hold) : null));
    }

    /// <summary>The resource's row: its stored details and status, and its entry in the resource lists and tag counts.</summary>
    public static void Resource(SqlBatch batch, ResourceSnapshot r)
    {
        var details = r.Details;
        var id = r.Id.ToString();
        batch.Add(
            """
            INSERT INTO resources (id, name_key, search_text, status, capacity, deleted, version, payload, group_id)
            VALUES (@id, @name, @search, @status, @capacity, @deleted, @version, @payload, @group)
            ON CONFLICT (id) DO UPDATE SET
                name_key = excluded.name_key, search_text = excluded.search_text, status = excluded.status,
                capacity = excluded.capacity, deleted = excluded.deleted, version = excluded.version, payload = excluded.payload,
                group_id = excluded.group_id
            """,
            ("id", id), ("name", details.Name.ToLowerInvariant()), ("search", $"{details.Name} {details.Description} {details.Location}".ToLowerInvariant()),
            ("status", r.Status.ToString().ToLowerInvariant()), ("capacity", details.Capacity), ("deleted", r.Deleted ? 1 : 0), ("version", r.Version),
            ("payload", Json(r)), ("group", details.GroupId?.ToString()));
        batch.Add("DELETE FROM resource_labels WHERE resource_id = @id", ("id", id));
        foreach (var label in r.Deleted ? [] : details.Labels.Distinct())
        {
            batch.Add("INSERT INTO resource_labels (resource_id, label_id) VALUES (@id, @label)", ("id", id), ("label", label.ToString()));
        }
        batch.Add("DELETE FROM resource_tags WHERE resource_id = @id", ("id", id));
        foreach (var tag in r.Deleted ? [] : details.Tags.Distinct())
        {
            batch.Add("INSERT INTO resource_tags (resource_id, tag) VALUES (@id, @tag)", ("id", id), ("tag", tag));
        }
    }

    /// <summary>Appends an event to the log, stamped with the writing transaction.</summary>
    public static void Event(SqlBatch batch, DomainEvent e, SqlDialect dialect) =>
        batch.Add(
            $"""
            INSERT INTO events (event_id, type, entity_type, entity_id, actor_id, occurred_ms, payload, tx)
            VALUES (@id, @type, @entityType, @entityId, @actor, @at, @payload, {SqlDialects.CurrentTransaction(dialect)})
            ON CONFLICT (event_id) DO NOTHING
            """,
            ("id", e.Id.ToString()), ("type", e.Type), ("entityType", e.EntityType), ("entityId", e.EntityId.ToString()),
            ("actor", e.ActorId?.ToString()), ("at", e.OccurredAt.ToUnixMs()), ("payload", Json(e)));

    /// <summary>Wakes every silo's event consumers once the transaction commits (PostgreSQL; a no-op elsewhere).</summary>
    public static void Notify(SqlBatch batch, SqlDialect dialect)
    {
        if (dialect == SqlDialect.Postgres)
        {
            batch.Add($"SELECT pg_notify({SqlDialects.EventsChannel}, '')");
        }
    }

    /// <summary>The fence's conditions that the resource's group and labels exist (<c>@id</c> is the resource).</summary>
    /// <remarks>
    /// A label the resource already carries in storage is not checked: a delete rolls back while any resource carries
    /// it, so such a label still exists (or was left by an older version), and a commit that only keeps it must not fail.
    /// </remarks>
    private static (string Sql, (string, object?)[] Parameters) References(ResourceDetails details, SqlDialect dialect)
    {
        var share = dialect == SqlDialect.Postgres ? " FOR SHARE" : "";
        var sql = new StringBuilder();
        var parameters = new List<(string, object?)>();
        if (details.GroupId is { } groupId)
        {
            sql.Append($" AND EXISTS (SELECT 1 FROM resource_groups WHERE id = @group{share})");
            parameters.Add(("group", groupId.ToString()));
        }

        foreach (var (label, i) in details.Labels.Distinct().Select((label, i) => (label, i)))
        {
            sql.Append($" AND (EXISTS (SELECT 1 FROM resource_labels WHERE resource_id = @id AND label_id = @label{i})")
                .Append($" OR EXISTS (SELECT 1 FROM labels WHERE id = @label{i}{share}))");
            parameters.Add(($"label{i}", label.ToString()));
        }

        return (sql.ToString(), [.. parameters]);
    }

    public static string Key(Guid resourceId) => resourceId.ToString();

    public static string? Json<T>(T? value) => value is null ? null : JsonSerializer.Serialize(value, ReadStoreJson.Options);
}
