using ResourceReserver.Audit;
using ResourceReserver.Events;
using ResourceReserver.Infrastructure.Audit;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Infrastructure.Resources;
using ResourceReserver.Storage;

namespace ResourceReserver.InfrastructureTests.Audit;

/// <summary>
/// The audit log's storage in both modes: entries written in the transaction of the change (a resource commit, an
/// outbox projection), once per event, never for a change that was not written; append-only; purged by age.
/// </summary>
public sealed class AuditStoreTests
{
    private static readonly RequestOrigin Origin = new(Guid.NewGuid(), "alice", "203.0.113.7", "tests/1.0");

    [Theory]
    [MemberData(nameof(AuditDatabase.Dialects), MemberType = typeof(AuditDatabase))]
    public async Task A_resource_commit_writes_its_entries_with_it_and_a_failed_fence_writes_none(string dialect)
    {
        await using var db = await AuditDatabase.CreateAsync(dialect);
        await using var store = new SqlResourceStore(db.DataSource, new EventSignal(), TimeProvider.System);
        var resourceId = Guid.NewGuid();

        var first = Event("resource.created", resourceId);
        Assert.True(await store.CommitAsync(new ResourceCommit(resourceId, 0) { Events = [first] }));
        var stale = Event("resource.updated", resourceId);
        Assert.False(await store.CommitAsync(new ResourceCommit(resourceId, 0) { Events = [stale] }));

        var log = new SqlAuditLog(db.DataSource, TimeProvider.System);
        var entries = (await log.ListAsync(new AuditFilter(EntityId: resourceId.ToString()), 100, null)).Items;
        var entry = Assert.Single(entries);
        Assert.Equal((first.Id, "resource.created", Origin.ActorId, "alice", "203.0.113.7", "tests/1.0", "success"),
            (entry.Id, entry.Action, entry.ActorId, entry.ActorName, entry.Ip, entry.UserAgent, entry.Outcome));
        Assert.Equal(1, await db.CountAsync($"SELECT COUNT(*) FROM events WHERE event_id IN ('{first.Id}', '{stale.Id}')"));
    }

    [Theory]
    [MemberData(nameof(AuditDatabase.Dialects), MemberType = typeof(AuditDatabase))]
    public async Task Outbox_events_are_audited_once_and_audit_only_notes_stay_out_of_the_event_log(string dialect)
    {
        await using var db = await AuditDatabase.CreateAsync(dialect);
        var sink = new SqlReadStore(db.DataSource);
        var entity = Guid.NewGuid();
        var changed = Event("waitlist.joined", entity);
        var note = Event("auth.password_changed", entity) with
        {
            Type = AuditNote.AuditOnlyEventType,
            Audit = new AuditNote { Action = "auth.password_changed", AuditOnly = true, Origin = Origin, EntityType = "user", EntityId = entity.ToString() },
        };

        await sink.PublishAsync([changed, note]);
        await sink.PublishAsync([changed, note]);

        Assert.Equal(2, await db.CountAsync($"SELECT COUNT(*) FROM audit_entries WHERE entity_id = '{entity}'"));
        Assert.Equal(1, await db.CountAsync($"SELECT COUNT(*) FROM events WHERE event_id = '{changed.Id}'"));
        Assert.Equal(0, await db.CountAsync($"SELECT COUNT(*) FROM events WHERE event_id = '{note.Id}' OR type = '{AuditNote.AuditOnlyEventType}'"));
    }

    [Theory]
    [MemberData(nameof(AuditDatabase.Dialects), MemberType = typeof(AuditDatabase))]
    public async Task Entries_are_append_only(string dialect)
    {
        await using var db = await AuditDatabase.CreateAsync(dialect);
        var log = new SqlAuditLog(db.DataSource, TimeProvider.System);
        await log.RecordAsync(AuditEntry.Of("auth.sign_in", DateTimeOffset.UtcNow, AuditOutcomes.Failure));

        await using var update = db.DataSource.CreateCommand("UPDATE audit_entries SET outcome = 'success'");
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => update.ExecuteNonQueryAsync());
        Assert.Equal(1, await db.CountAsync("SELECT COUNT(*) FROM audit_entries WHERE outcome = 'failure'"));
    }

    [Theory]
    [MemberData(nameof(AuditDatabase.Dialects), MemberType = typeof(AuditDatabase))]
    public async Task The_purge_removes_only_what_is_older_than_the_cutoff_and_records_itself(string dialect)
    {
        await using var db = await AuditDatabase.CreateAsync(dialect);
        var log = new SqlAuditLog(db.DataSource, TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        foreach (var days in new[] { 400, 366, 364, 1 })
        {
            await log.RecordAsync(AuditEntry.Of("resource.updated", now.AddDays(-days), detail: $"{days} days old"));
        }

        Assert.Equal(2, await log.PurgeBeforeAsync(now.AddDays(-365)));

        var left = (await log.ListAsync(new AuditFilter(), 100, null)).Items;
        Assert.Equal(["audit.purged", "resource.updated", "resource.updated"], left.Select(e => e.Action).Order());
        Assert.Equal(["1 days old", "364 days old"], left.Where(e => e.Action == "resource.updated").Select(e => e.Detail!).Order());
        Assert.StartsWith("2 entries", left.Single(e => e.Action == "audit.purged").Detail);
    }

    [Theory]
    [MemberData(nameof(AuditDatabase.Dialects), MemberType = typeof(AuditDatabase))]
    public async Task Filters_pages_streams_and_counts_agree(string dialect)
    {
        await using var db = await AuditDatabase.CreateAsync(dialect);
        var log = new SqlAuditLog(db.DataSource, TimeProvider.System);
        var day = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
        string[] actions = ["auth.sign_in", "auth.sign_out", "auth_x.sign_in", "reservation.created", "auth.sign_in"];
        for (var i = 0; i < actions.Length; i++)
        {
            await log.RecordAsync(AuditEntry.Of(actions[i], day.AddDays(i % 2), i == 4 ? AuditOutcomes.Failure : AuditOutcomes.Success));
        }

        // A prefix is a prefix: auth.* does not match auth_x (the underscore is no wildcard).
        var auth = new AuditFilter(Action: "auth.*");
        var first = await log.ListAsync(auth, 2, null);
        var second = await log.ListAsync(auth, 2, first.NextCursor);
        Assert.Equal(["auth.sign_in", "auth.sign_out"], first.Items.Select(e => e.Action));
        Assert.Equal(["auth.sign_in"], second.Items.Select(e => e.Action));
        Assert.Null(second.NextCursor);
        Assert.Equal(3, await log.StreamAsync(auth).CountAsync());
        Assert.Single((await log.ListAsync(new AuditFilter(Outcome: AuditOutcomes.Failure), 10, null)).Items);
        Assert.Equal(3, (await log.ListAsync(new AuditFilter(From: day, Until: day.AddDays(1)), 10, null)).Items.Count);

        var stats = await log.StatsAsync(day, day.AddDays(2));
        Assert.Equal(5, stats.Total);
        Assert.Equal(2, stats.ByAction.Single(a => a.Action == "auth.sign_in").Count);
        Assert.Equal([(new DateOnly(2026, 3, 2), 3L), (new DateOnly(2026, 3, 3), 2L)], stats.ByDay.Select(d => (d.Day, d.Count)));
    }

    private static DomainEvent Event(string type, Guid entity) => new()
    {
        Type = type,
        OccurredAt = DateTimeOffset.UtcNow,
        ActorId = Origin.ActorId,
        Audit = new AuditNote { Origin = Origin, EntityType = "resource", EntityId = entity.ToString() },
    };
}
