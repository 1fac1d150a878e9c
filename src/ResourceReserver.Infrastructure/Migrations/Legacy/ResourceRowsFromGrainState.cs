using System.Data.Common;
using Orleans.Serialization;
using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Infrastructure.Resources;
using ResourceReserver.Infrastructure.Schema;
using ResourceReserver.Storage;

namespace ResourceReserver.Infrastructure.Migrations.Legacy;

/// <summary>
/// Moves resources stored the old way (Orleans grain-state rows of the resource grain: segments "resource-seg-N"
/// with the index "resource-index", or one whole-state row "resource" from before segments) into the resource
/// tables, then deletes those rows. Segments merge as the old reader merged them (a copy or tombstone in a higher
/// segment wins; the highest segment's details are current). Events still waiting in an outbox are appended to
/// the log and projected (by version, never backwards), so nothing waits for a relay that no longer exists.
/// </summary>
public sealed class ResourceRowsFromGrainState(Serializer serializer, string serviceId) : IDataMigration
{
    private const string Segment = "resource-seg-";

    /// <inheritdoc />
    public string Version => "V008__resource_rows_from_grain_state";

    /// <inheritdoc />
    public async Task ApplyAsync(DbTransaction transaction, SqlDialect dialect, CancellationToken ct)
    {
        var rows = await ReadAsync(transaction, dialect, ct);
        foreach (var (resourceId, states) in rows.GroupBy(r => r.ResourceId).Select(g => (g.Key, g.Select(r => (r.StateName, r.State)).ToList())))
        {
            var batch = new SqlBatch(transaction);
            Write(batch, resourceId, Merge(states), dialect);
            await batch.ExecuteAsync(ct);
        }

        var delete = dialect == SqlDialect.Postgres
            ? "DELETE FROM orleansstorage WHERE serviceid = @service AND (graintypestring IN ('resource', 'resource-index') OR graintypestring LIKE 'resource-seg-%')"
            : "DELETE FROM orleans_grain_state WHERE service_id = @service AND grain_id LIKE 'resource/%' AND (state_name IN ('resource', 'resource-index') OR state_name LIKE 'resource-seg-%')";
        await using var command = transaction.Connection!.Command(delete, transaction).With("service", serviceId);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One resource's stored state as the old reader saw it.</summary>
    internal static LegacyResource Merge(IReadOnlyList<(string StateName, object State)> states)
    {
        var merged = new LegacyResource();
        var segments = states.Where(s => s.State is LegacySegment).OrderBy(s => int.Parse(s.StateName[Segment.Length..])).Select(s => (LegacySegment)s.State).ToList();
        if (segments.Count == 0 && states.Select(s => s.State).OfType<LegacyWholeState>().FirstOrDefault() is { } whole)
        {
            // Read only while no segment existed, as before.
            segments.Add(new LegacySegment
            {
                Resource = whole.Resource,
                HoldTiming = whole.HoldTiming,
                Reservations = whole.Reservations,
                Holds = whole.Holds,
                Answers = whole.Answers,
                Outbox = whole.Outbox,
            });
        }

        foreach (var segment in segments)
        {
            Overlay(merged.Reservations, segment.Reservations, segment.RemovedReservations);
            Overlay(merged.Holds, segment.Holds, segment.RemovedHolds);
            foreach (var (key, answer) in segment.Answers)
            {
                merged.Answers[key] = answer;
            }

            merged.Outbox.AddRange(segment.Outbox.Where(e => merged.Outbox.All(o => o.Id != e.Id)));
            if (segment.Resource is not null)
            {
                (merged.Resource, merged.HoldTiming, merged.Demand) = (segment.Resource, segment.HoldTiming, segment.Demand ?? []);
            }
        }

        return merged;
    }

    private static void Overlay<T>(Dictionary<Guid, T> view, Dictionary<Guid, T> copies, HashSet<Guid> tombstones)
    {
        foreach (var id in copies.Keys.Concat(tombstones))
        {
            if (copies.TryGetValue(id, out var copy))
            {
                view[id] = copy;
            }
            else
            {
                view.Remove(id);
            }
        }
    }

    private static void Write(SqlBatch batch, Guid resourceId, LegacyResource resource, SqlDialect dialect)
    {
        // Undelivered events first: their projections move forward by version; the stored state then wins.
        // Written before the audit log existed (V009): these old events get no audit rows.
        SqlReadStore.Project(batch, resource.Outbox, dialect, audit: false);
        if (resource.Resource is null)
        {
            return;
        }

        var commit = new ResourceCommit(resourceId, 0)
        {
            Resource = resource.Resource,
            Head = new ResourceHeadFields(resource.HoldTiming, resource.Demand),
            Rows = [.. resource.Reservations.Values.Select(ReservationRow.Live), .. resource.Holds.Values.Select(ReservationRow.Standing)],
            Answers = resource.Answers.Select(a => new RememberedAnswer(a.Key, a.Value.Fingerprint, a.Value.Answer, a.Value.ExpiresAt)).ToList(),
        };
        ResourceRows.Fence(batch, commit);
        ResourceRows.Write(batch, commit, dialect, audit: false);
    }

    private async Task<List<(Guid ResourceId, string StateName, object State)>> ReadAsync(DbTransaction transaction, SqlDialect dialect, CancellationToken ct)
    {
        var sql = dialect == SqlDialect.Postgres
            ? "SELECT graintypestring, grainidn0, grainidn1, payloadbinary FROM orleansstorage WHERE serviceid = @service AND payloadbinary IS NOT NULL AND (graintypestring = 'resource' OR graintypestring LIKE 'resource-seg-%')"
            : "SELECT state_name, grain_id, payload FROM orleans_grain_state WHERE service_id = @service AND grain_id LIKE 'resource/%' AND (state_name = 'resource' OR state_name LIKE 'resource-seg-%')";
        await using var command = transaction.Connection!.Command(sql, transaction).With("service", serviceId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(Guid, string, object)>();
        while (await reader.ReadAsync(ct))
        {
            var name = reader.GetString(0);
            var (id, payload) = dialect == SqlDialect.Postgres
                ? (KeyOf(reader.GetInt64(1), reader.GetInt64(2)), reader.GetFieldValue<byte[]>(3))
                : (Guid.Parse(reader.GetString(1)["resource/".Length..]), reader.GetFieldValue<byte[]>(2));
            rows.Add((id, name, name == "resource" ? serializer.Deserialize<LegacyWholeState>(payload)! : (object)serializer.Deserialize<LegacySegment>(payload)!));
        }

        return rows;
    }

    /// <summary>The Guid key the ADO.NET provider split into two little-endian halves.</summary>
    private static Guid KeyOf(long n0, long n1) => new([.. BitConverter.GetBytes(n0), .. BitConverter.GetBytes(n1)]);

    /// <summary>A resource merged from its old rows.</summary>
    internal sealed class LegacyResource
    {
        public ResourceSnapshot? Resource { get; set; }

        public HoldTiming? HoldTiming { get; set; }

        public IReadOnlyList<OfferCandidate> Demand { get; set; } = [];

        public Dictionary<Guid, Reservation> Reservations { get; } = [];

        public Dictionary<Guid, Hold> Holds { get; } = [];

        public Dictionary<string, LegacyAnswer> Answers { get; } = [];

        public List<DomainEvent> Outbox { get; } = [];
    }
}
