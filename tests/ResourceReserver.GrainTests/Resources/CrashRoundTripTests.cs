using ResourceReserver.Contracts;
using ResourceReserver.GrainTests.Fixtures;
using ResourceReserver.Infrastructure.Schema;
using ResourceReserver.Resources;
using ResourceReserver.Storage;
using static ResourceReserver.GrainTests.Resources.ResourceHarness;

namespace ResourceReserver.GrainTests.Resources;

/// <summary>
/// Random decisions of every kind, committed one by one; some commits "crash" before they are written, some
/// after (the answer to COMMIT lost). After every crash the resource is read back as a new activation would, and
/// it must equal exactly what was committed: nothing lost, nothing half-written, nothing unstored kept.
/// </summary>
public sealed class CrashRoundTripTests(StoreDatabases databases) : IClassFixture<StoreDatabases>
{
    private static readonly Actor Admin = new(Guid.NewGuid(), IsAdmin: true);

    public static TheoryData<string, int> Cases() => new()
    {
        { "sqlite", 1 }, { "sqlite", 2 }, { "sqlite", 3 }, { "postgres", 1 }, { "postgres", 2 }, { "postgres", 3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task What_is_read_back_equals_what_was_committed(string dialect, int seed)
    {
        var random = new Random(seed);
        var store = new FaultInjectingResourceStore(await databases.StoreAsync(dialect == "postgres" ? SqlDialect.Postgres : SqlDialect.Sqlite));
        var harness = new ResourceHarness(store);
        var now = DateTimeOffset.UtcNow;
        var book = await harness.LoadAsync();
        await harness.DoAsync(book, now, (b, at) => ResourceDecisions.Create(b, new ResourceDetails { Name = $"Round trip {harness.Id:N}", Capacity = 2 }, Admin, at));
        var committed = Describe(book);
        var memos = new List<RememberedAnswer>();
        var crashes = 0;

        for (var step = 0; step < 250; step++)
        {
            now = now.AddMinutes(random.Next(0, 20));
            var decided = Decide(book, random, now);
            if (decided.Changes.IsEmpty)
            {
                memos.AddRange(decided.Changes.Answers);
                continue;
            }

            var fault = random.Next(8) switch { 0 => CommitFault.FailBeforeCommit, 1 => CommitFault.FailAfterCommit, _ => (CommitFault?)null };
            if (fault is { } f)
            {
                store.Inject(_ => true, f);
            }

            try
            {
                Assert.True(await store.CommitAsync(decided.Changes.ToCommit(book.Id, book.Version, memos)));
                book.Version++;
                memos.Clear();
                committed = Describe(book);
            }
            catch (IOException)
            {
                crashes++;
                memos.Clear();
                if (fault == CommitFault.FailAfterCommit)
                {
                    // Stored, though its caller heard of a failure: what is read back must hold it.
                    book.Version++;
                    committed = Describe(book);
                }

                var expected = committed;
                book = await harness.LoadAsync();
                Assert.Equal(expected, Describe(book));
                committed = expected;
            }
        }

        Assert.InRange(crashes, 20, 250);
        Assert.Equal(committed, Describe(await harness.LoadAsync()));
    }

    private static Decided<object> Decide(ResourceBook book, Random random, DateTimeOffset now)
    {
        var at = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1).AddHours(random.Next(0, 96));
        var reservations = book.Reservations.Values.Where(r => r.Status == ReservationStatus.Confirmed && r.End > now).ToList();
        var holds = book.Holds.Values.ToList();
        Guid Any<T>(IReadOnlyList<T> list, Func<T, Guid> id) => list.Count == 0 ? Guid.NewGuid() : id(list[random.Next(list.Count)]);
        return random.Next(11) switch
        {
            < 3 => Box(book.Decide((b, t) => BookingDecisions.Book(b, new BookingRequest
            {
                ReservationId = Guid.NewGuid(),
                UserId = Guid.NewGuid(),
                Start = at,
                End = at.AddMinutes(30 * random.Next(1, 5)),
                Quantity = random.Next(1, 3),
                IdempotencyKey = random.Next(3) == 0 ? $"key-{random.Next(20)}" : null,
            }, t), now)),
            3 => Box(book.Decide((b, t) => BookingDecisions.Cancel(b, Any(reservations, r => r.Id), Admin, "round trip", t), now)),
            4 => Box(book.Decide((b, t) => BookingDecisions.Change(b, Any(reservations, r => r.Id), new ReservationChange { Start = at, End = at.AddHours(1), Title = $"moved {random.Next()}" }, Admin, t), now)),
            5 => Box(book.Decide((b, t) => HoldDecisions.Place(b, new HoldRequest(Guid.NewGuid(), Guid.NewGuid(), at, at.AddHours(1)), t), now)),
            6 => Box(book.Decide((b, t) => HoldDecisions.Release(b, Any(holds.Where(h => !h.IsOffer).ToList(), h => h.Id), Admin, t), now)),
            7 => Box(book.Decide((b, t) => HoldDecisions.Confirm(b, Any(holds.Where(h => !h.IsOffer).ToList(), h => h.Id), Admin, t), now)),
            8 => Box(book.Decide((b, t) => OfferDecisions.Settle(b, holds.Where(h => h.IsOffer).Select(h => h.Id).Take(1).ToList(),
                [new OfferCandidate(Guid.NewGuid(), Guid.NewGuid(), TimeSpan.FromHours(1), new TimeRange(at, at.AddHours(6)))], t), now)),
            9 => Box(book.Decide(HoldDecisions.Lapse, now)),
            _ => random.Next(2) == 0
                ? Box(book.Decide(ResourceDecisions.CompleteEnded, now.AddHours(random.Next(0, 48))))
                : Box(book.Decide((b, t) => ResourceDecisions.Update(b, new ResourcePatch { Description = $"step {random.Next()}" }, Admin, t), now)),
        };
    }

    private static Decided<object> Box<T>(Decided<T> decided) =>
        new(decided.Outcome.IsSuccess ? Outcome<object>.Ok(decided.Outcome.Value!) : Outcome<object>.Fail(decided.Outcome.Error!), decided.Changes);
}
