using ResourceReserver.Contracts;
using ResourceReserver.GrainTests.Fixtures;
using ResourceReserver.Infrastructure.Schema;
using ResourceReserver.Resources;
using static ResourceReserver.GrainTests.Resources.ResourceHarness;

namespace ResourceReserver.GrainTests.Resources;

/// <summary>
/// Two activations of one resource read the same rows (a stale duplicate during a membership change). Whatever
/// kind of decision the live one commits, any later decision of the stale one must fail its fence: else it would
/// decide on a view that misses the live one's change, the way double bookings happen. Every pair of decision
/// kinds, on both databases; afterwards storage must hold exactly the live activation's view.
/// </summary>
public sealed class StaleActivationTests(StoreDatabases databases) : IClassFixture<StoreDatabases>
{
    private static readonly Actor Admin = new(Guid.NewGuid(), IsAdmin: true);

    private static readonly Dictionary<string, Func<ResourceBook, Seed, ResourceChanges>> Kinds = new()
    {
        ["book"] = (b, s) => Decide(b, s.Now, (book, now) => BookingDecisions.Book(book, s.Booking(20), now)),
        ["book series"] = (b, s) => Decide(b, s.Now, (book, now) => SeriesDecisions.Book(book, s.Series(15, Guid.NewGuid()), now)),
        ["move"] = (b, s) => Decide(b, s.Now, (book, now) => BookingDecisions.Change(book, s.A, new ReservationChange { Start = s.At(13), End = s.At(14) }, Admin, now)),
        ["cancel"] = (b, s) => Decide(b, s.Now, (book, now) => BookingDecisions.Cancel(book, s.B, Admin, "stale test", now)),
        ["cancel series"] = (b, s) => Decide(b, s.Now, (book, now) => SeriesDecisions.Cancel(book, s.SeriesOccurrence, SeriesScope.All, Admin, null, now)),
        ["hold"] = (b, s) => Decide(b, s.Now, (book, now) => HoldDecisions.Place(book, new HoldRequest(Guid.NewGuid(), Guid.NewGuid(), s.At(17), s.At(18)), now)),
        ["confirm hold"] = (b, s) => Decide(b, s.Now, (book, now) => HoldDecisions.Confirm(book, s.Hold, Admin, now)),
        ["release hold"] = (b, s) => Decide(b, s.Now, (book, now) => HoldDecisions.Release(book, s.Hold, Admin, now)),
        ["settle offers"] = (b, s) => Decide(b, s.Now, (book, now) => OfferDecisions.Settle(book, [s.Offer], [s.Candidate(11)], now)),
        ["accept offer"] = (b, s) => Decide(b, s.Now, (book, now) => OfferDecisions.Accept(book, s.Offer, s.OfferUser, now)),
        ["lapse holds"] = (b, s) => Decide(b, s.Now.AddHours(2), HoldDecisions.Lapse),
        ["complete ended"] = (b, s) => Decide(b, s.Now.AddDays(10), ResourceDecisions.CompleteEnded),
        ["change resource"] = (b, s) => Decide(b, s.Now, (book, now) => ResourceDecisions.Update(book, new ResourcePatch { Description = "changed" }, Admin, now)),
        ["set status"] = (b, s) => Decide(b, s.Now, (book, now) => ResourceDecisions.SetStatus(book, ResourceStatus.Disabled, null, Admin, now)),
        ["set hold timing"] = (b, s) => Decide(b, s.Now, (book, now) => HoldDecisions.SetTiming(book, new HoldTiming { HoldDuration = TimeSpan.FromMinutes(9) }, Admin, now)),
        ["delete resource"] = (b, s) => Decide(b, s.Now, (book, now) => ResourceDecisions.Delete(book, Admin, now)),
        ["approve"] = (b, s) => Decide(b, s.Now, (book, now) => ApprovalDecisions.Approve(book, s.Pending, Admin, "ok", now)),
        ["reject"] = (b, s) => Decide(b, s.Now, (book, now) => ApprovalDecisions.Reject(book, s.Pending, Admin, "no", now)),
        ["expire approvals"] = (b, s) => Decide(b, s.Now.AddDays(3), ApprovalDecisions.Expire),
    };

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var dialect in new[] { "sqlite", "postgres" })
        {
            foreach (var live in Kinds.Keys)
            {
                foreach (var stale in Kinds.Keys)
                {
                    data.Add(dialect, live, stale);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_stale_activation_cannot_commit_after_the_live_one_did(string dialect, string live, string stale)
    {
        var harness = new ResourceHarness(await databases.StoreAsync(dialect == "postgres" ? SqlDialect.Postgres : SqlDialect.Sqlite));
        var seed = await Seed.CreateAsync(harness);
        var liveBook = await harness.LoadAsync();
        var staleBook = await harness.LoadAsync();

        Assert.True(await harness.CommitAsync(liveBook, Kinds[live](liveBook, seed)));
        var staleChanges = Kinds[stale](staleBook, seed);

        Assert.False(await harness.CommitAsync(staleBook, staleChanges));
        Assert.Equal(Describe(liveBook), Describe(await harness.LoadAsync()));
    }

    /// <summary>
    /// A resource of capacity 1 with two bookings, a three-day series, a hold, a waitlist offer and a waiting entry
    /// (whose wanted slot is booking A's), and then, once it requires approval, two pending requests, so every kind of
    /// decision has something to act on.
    /// </summary>
    private sealed class Seed
    {
        private Seed(DateTimeOffset now) => Now = now;

        public DateTimeOffset Now { get; }

        public Guid A { get; private set; }

        public Guid B { get; private set; }

        public Guid SeriesOccurrence { get; private set; }

        public Guid Hold { get; private set; }

        public Guid Pending { get; private set; }

        public Guid Offer { get; } = Guid.NewGuid();

        public Guid OfferUser { get; } = Guid.NewGuid();

        public static async Task<Seed> CreateAsync(ResourceHarness harness)
        {
            var seed = new Seed(DateTimeOffset.UtcNow);
            var book = await harness.LoadAsync();
            await harness.DoAsync(book, seed.Now, (b, now) => ResourceDecisions.Create(b, new ResourceDetails { Name = $"Stale {harness.Id:N}" }, Admin, now));
            seed.A = (await harness.DoAsync(book, seed.Now, (b, now) => BookingDecisions.Book(b, seed.Booking(1), now))).Rows.Single().Reservation.Id;
            seed.B = (await harness.DoAsync(book, seed.Now, (b, now) => BookingDecisions.Book(b, seed.Booking(3), now))).Rows.Single().Reservation.Id;
            seed.SeriesOccurrence = (await harness.DoAsync(book, seed.Now, (b, now) => SeriesDecisions.Book(b, seed.Series(5, Guid.NewGuid()), now))).Rows.First().Reservation.Id;
            seed.Hold = (await harness.DoAsync(book, seed.Now, (b, now) => HoldDecisions.Place(b, new HoldRequest(Guid.NewGuid(), Guid.NewGuid(), seed.At(7), seed.At(8)), now))).Rows.Single().Reservation.Id;
            var waiting = new OfferCandidate(Guid.NewGuid(), Guid.NewGuid(), TimeSpan.FromHours(1), new TimeRange(seed.At(1), seed.At(2)));
            await harness.DoAsync(book, seed.Now, (b, now) => OfferDecisions.Settle(b, [], [new OfferCandidate(seed.Offer, seed.OfferUser, TimeSpan.FromHours(1), new TimeRange(seed.At(9), seed.At(10))), waiting], now));
            Assert.Single(book.Demand);
            Assert.Equal(2, book.Holds.Count);
            var approval = book.Resource!.Details.Rules with { RequiresApproval = true };
            await harness.DoAsync(book, seed.Now, (b, now) => ResourceDecisions.Update(b, new ResourcePatch { Rules = approval }, Admin, now));
            seed.Pending = (await harness.DoAsync(book, seed.Now, (b, now) => BookingDecisions.Book(b, seed.Booking(19), now))).Rows.Single().Reservation.Id;
            await harness.DoAsync(book, seed.Now, (b, now) => BookingDecisions.Book(b, seed.Booking(22), now));
            Assert.Equal(2, book.Reservations.Values.Count(r => r.Status == ReservationStatus.PendingApproval));
            return seed;
        }

        public DateTimeOffset At(int hour) => new DateTimeOffset(Now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1).AddHours(hour);

        public BookingRequest Booking(int hour) => new()
        {
            ReservationId = Guid.NewGuid(),
            UserId = Guid.NewGuid(),
            Start = At(hour),
            End = At(hour + 1),
        };

        public SeriesRequest Series(int hour, Guid id) => new()
        {
            SeriesId = id,
            UserId = Guid.NewGuid(),
            Start = At(hour),
            End = At(hour + 1),
            Rule = "FREQ=DAILY;COUNT=3",
        };

        public OfferCandidate Candidate(int hour) => new(Guid.NewGuid(), Guid.NewGuid(), TimeSpan.FromHours(1), new TimeRange(At(hour), At(hour + 1)));
    }
}
