using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.GrainTests.Fixtures;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.Migrations.Legacy;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Infrastructure.Resources;
using ResourceReserver.Infrastructure.Schema;
using ResourceReserver.Resources;
using ResourceReserver.Scheduling;
using ResourceReserver.Storage;

namespace ResourceReserver.GrainTests.Resources;

/// <summary>
/// An existing deployment's resources, stored the old way (segment rows with copies and tombstones, or one
/// whole-state row), move into the resource tables on start-up: every reservation, hold, offer, answer, detail
/// and undelivered event arrives, nothing removed comes back, and the old rows are gone.
/// </summary>
public sealed class LegacyMigrationTests
{
    private const string ServiceId = "legacy-service";
    private static readonly DateTimeOffset Day = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(3);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Old_resource_rows_move_into_the_resource_tables_and_nothing_is_lost(string dialectName)
    {
        var dialect = dialectName == "postgres" ? SqlDialect.Postgres : SqlDialect.Sqlite;
        await using var database = await TestDatabase.CreateAsync(dialect);
        var serializer = new ServiceCollection()
            .AddSerializer(s => s.AddAssembly(typeof(LegacySegment).Assembly).AddAssembly(typeof(Reservation).Assembly))
            .BuildServiceProvider().GetRequiredService<Serializer>();
        var (segmented, whole) = (Guid.NewGuid(), Guid.NewGuid());
        var (a, b, c, d) = (Booking(segmented, 1), Booking(segmented, 3), Booking(segmented, 5), Booking(segmented, 7));
        var moved = a with { Title = "moved", Version = 2 };
        var (hold, offer) = (Held(segmented, 9, false), Held(segmented, 11, true));
        var demand = new OfferCandidate(Guid.NewGuid(), Guid.NewGuid(), TimeSpan.FromHours(1), new TimeRange(Day, Day.AddHours(2)));
        var answer = new LegacyAnswer("fingerprint", a, Day.AddDays(1));
        var updated = Event(EventTypes.ReservationUpdated, moved);
        var created = Event(EventTypes.ReservationCreated, d);
        var (x, y) = (Booking(whole, 1), Booking(whole, 2));
        var lastOfWhole = Event(EventTypes.ReservationCreated, y);

        await InsertAsync(database, serializer, segmented, "resource-index", null);
        await InsertAsync(database, serializer, segmented, "resource-seg-0", new LegacySegment
        {
            Resource = Resource(segmented, "Segmented", 1),
            Reservations = new() { [a.Id] = a, [b.Id] = b, [c.Id] = c },
            Holds = new() { [hold.Id] = hold },
            Answers = new() { ["user:key"] = answer },
            Sealed = true,
        });
        await InsertAsync(database, serializer, segmented, "resource-seg-1", new LegacySegment
        {
            Resource = Resource(segmented, "Segmented renamed", 2),
            Reservations = new() { [moved.Id] = moved },
            RemovedReservations = [b.Id],
            Outbox = [updated],
            Sealed = true,
        });
        await InsertAsync(database, serializer, segmented, "resource-seg-2", new LegacySegment
        {
            Resource = Resource(segmented, "Segmented renamed", 2),
            HoldTiming = new HoldTiming { HoldDuration = TimeSpan.FromMinutes(7) },
            Demand = [demand],
            Reservations = new() { [d.Id] = d },
            Holds = new() { [offer.Id] = offer },
            RemovedHolds = [hold.Id],
            Outbox = [created],
        });
        await InsertAsync(database, serializer, whole, "resource", new LegacyWholeState
        {
            Resource = Resource(whole, "Whole", 1),
            Reservations = new() { [x.Id] = x, [y.Id] = y },
            Holds = new() { [hold.Id] = hold with { ResourceId = whole } },
            Outbox = [lastOfWhole],
        });
        await InsertAsync(database, serializer, Guid.NewGuid(), "resource-seg-0", new LegacySegment(), serviceId: "another-service");

        await new MigrationRunner(database.DataSource, dialect, NullLogger<MigrationRunner>.Instance, [new ResourceRowsFromGrainState(serializer, ServiceId)]).ApplyAsync();

        await using var store = new SqlResourceStore(database.DataSource, new EventSignal(), TimeProvider.System);
        var first = await store.LoadAsync(segmented);
        Assert.Equal(1, first.Version);
        Assert.Equal(($"Segmented renamed {segmented:N}", 2L), (first.Resource!.Details.Name, first.Resource.Version));
        Assert.Equal(TimeSpan.FromMinutes(7), first.HoldTiming?.HoldDuration);
        Assert.Equal([demand], first.Demand);
        Assert.Equal(new[] { moved, c, d }.OrderBy(r => r.Id), first.Rows.Where(r => r.Role == RowRole.Reservation).Select(r => r.Reservation).OrderBy(r => r.Id));
        Assert.Equal([offer], first.Rows.Where(r => r.Role == RowRole.Hold).Select(r => r.Hold!));
        Assert.Equal([("user:key", "fingerprint", a.Id)], first.Answers.Select(r => (r.Key, r.Fingerprint, r.Answer.Value!.Id)));

        var second = await store.LoadAsync(whole);
        Assert.Equal($"Whole {whole:N}", second.Resource!.Details.Name);
        Assert.Equal(new[] { x, y }.OrderBy(r => r.Id), second.Rows.Where(r => r.Role == RowRole.Reservation).Select(r => r.Reservation).OrderBy(r => r.Id));
        Assert.Single(second.Rows, r => r.Role == RowRole.Hold);

        // The migrated state decides like before: what was booked still blocks.
        var book = new ResourceBook(segmented, first, new SchedulingDefaults());
        var refused = BookingDecisions.Book(book, new BookingRequest { ReservationId = Guid.NewGuid(), UserId = Guid.NewGuid(), Start = c.Start, End = c.End }, DateTimeOffset.UtcNow);
        Assert.Equal("booking_conflict", refused.Outcome.Error?.Code);

        var readStore = new SqlReadStore(database.DataSource);
        foreach (var e in new[] { updated, created, lastOfWhole })
        {
            Assert.Contains(await readStore.GetHistoryAsync(e.EntityId), h => h.EventId == e.Id);
        }

        Assert.Equal("moved", (await readStore.GetReservationAsync(moved.Id))?.Title);
        Assert.Equal(0, await LegacyGrainRows.CountAsync(database, ServiceId));
        Assert.Equal(1, await LegacyGrainRows.CountAsync(database, "another-service"));
    }

    private static Reservation Booking(Guid resourceId, int hour) => new()
    {
        Id = Guid.NewGuid(),
        ResourceId = resourceId,
        UserId = Guid.NewGuid(),
        Start = Day.AddHours(hour),
        End = Day.AddHours(hour + 1),
        Status = ReservationStatus.Confirmed,
        CreatedAt = Day.AddDays(-1),
        UpdatedAt = Day.AddDays(-1),
        Version = 1,
    };

    private static Hold Held(Guid resourceId, int hour, bool offer) => new()
    {
        Id = Guid.NewGuid(),
        ResourceId = resourceId,
        UserId = Guid.NewGuid(),
        Start = Day.AddHours(hour),
        End = Day.AddHours(hour + 1),
        ExpiresAt = Day,
        IsOffer = offer,
        CreatedAt = Day.AddDays(-1),
    };

    private static ResourceSnapshot Resource(Guid id, string name, long version) => new()
    {
        Id = id,
        Details = new ResourceDetails { Name = $"{name} {id:N}" },
        CreatedAt = Day.AddDays(-2),
        UpdatedAt = Day.AddDays(-2),
        Version = version,
    };

    private static DomainEvent Event(string type, Reservation reservation) => new() { Type = type, OccurredAt = Day.AddDays(-1), Reservation = reservation };

    private static async Task InsertAsync(TestDatabase database, Serializer serializer, Guid grain, string state, object? value, string serviceId = ServiceId)
    {
        var payload = value is null ? [0] : serializer.SerializeToArray(value);
        var bytes = grain.ToByteArray();
        await LegacyGrainRows.ExecuteAsync(database, database.Dialect == SqlDialect.Postgres
            ? """
              INSERT INTO orleansstorage (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring, serviceid, payloadbinary, modifiedon, version)
              VALUES (0, @n0, @n1, 0, @state, NULL, @service, @payload, now(), 1)
              """
            : "INSERT INTO orleans_grain_state (service_id, state_name, grain_id, version, payload, modified_at) VALUES (@service, @state, @grain, 1, @payload, 0)",
            ("n0", BitConverter.ToInt64(bytes, 0)), ("n1", BitConverter.ToInt64(bytes, 8)), ("state", state), ("service", serviceId), ("payload", payload),
            ("grain", $"resource/{grain:N}"));
    }
}
