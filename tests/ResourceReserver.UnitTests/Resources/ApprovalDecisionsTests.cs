using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Resources;
using ResourceReserver.Scheduling;
using ResourceReserver.Storage;

namespace ResourceReserver.UnitTests.Resources;

/// <summary>The approval decisions as pure functions of (state, request, now): no silo, no database.</summary>
public sealed class ApprovalDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2030, 3, 4, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid Approver = Guid.NewGuid();
    private static readonly Actor ListedApprover = new(Approver, false);
    private static readonly Actor Requester = Actor.With(Guid.NewGuid(), Permission.ReservationsBook);

    [Fact]
    public void A_booking_on_an_approval_resource_is_pending_holds_its_capacity_and_says_so()
    {
        var book = Book(capacity: 1);
        var pending = Do(book, (b, now) => BookingDecisions.Book(b, Request(9), now));

        Assert.Equal(ReservationStatus.PendingApproval, pending.Outcome.Value!.Status);
        Assert.Equal(Now + TimeSpan.FromHours(6), pending.Outcome.Value.ApprovalExpiresAt);
        Assert.Equal(EventTypes.ApprovalRequested, Assert.Single(pending.Changes.Events).Type);

        var second = Do(book, (b, now) => BookingDecisions.Book(b, Request(9), now));
        Assert.Equal("booking_conflict", second.Outcome.Error!.Code);
    }

    [Fact]
    public void Approving_confirms_on_the_held_capacity_without_freeing_anything()
    {
        var book = Book(capacity: 1);
        var id = Do(book, (b, now) => BookingDecisions.Book(b, Request(9), now)).Outcome.Value!.Id;

        var approved = Do(book, (b, now) => ApprovalDecisions.Approve(b, id, ListedApprover, "ok", now));

        Assert.Equal(ReservationStatus.Confirmed, approved.Outcome.Value!.Status);
        Assert.Equal(Approver, approved.Outcome.Value.DecidedBy);
        Assert.Empty(approved.Changes.Freed);
        Assert.Equal(EventTypes.ApprovalApproved, Assert.Single(approved.Changes.Events).Type);
        Assert.Equal("not_pending_approval", Do(book, (b, now) => ApprovalDecisions.Approve(b, id, ListedApprover, null, now)).Outcome.Error!.Code);
        Assert.Equal("booking_conflict", Do(book, (b, now) => BookingDecisions.Book(b, Request(9), now)).Outcome.Error!.Code);
    }

    [Fact]
    public void Rejecting_frees_the_capacity_and_archives_the_request()
    {
        var book = Book(capacity: 1);
        var id = Do(book, (b, now) => BookingDecisions.Book(b, Request(9), now)).Outcome.Value!.Id;

        var rejected = Do(book, (b, now) => ApprovalDecisions.Reject(b, id, ListedApprover, "busy that day", now));

        Assert.Equal(ReservationStatus.Rejected, rejected.Outcome.Value!.Status);
        Assert.Equal("busy that day", rejected.Outcome.Value.DecisionMessage);
        Assert.Single(rejected.Changes.Freed);
        Assert.Equal(RowRole.Archived, Assert.Single(rejected.Changes.Rows).Role);
        Assert.False(book.Reservations.ContainsKey(id));
        Assert.True(Do(book, (b, now) => BookingDecisions.Book(b, Request(9), now)).Outcome.IsSuccess);
    }

    [Fact]
    public void Only_allowed_approvers_decide_and_a_rejection_needs_a_message()
    {
        var book = Book(capacity: 1);
        var id = Do(book, (b, now) => BookingDecisions.Book(b, Request(9), now)).Outcome.Value!.Id;

        var unlisted = Actor.With(Guid.NewGuid(), Permission.ApprovalsDecide);
        Assert.Equal(ErrorKind.Forbidden, Do(book, (b, now) => ApprovalDecisions.Approve(b, id, unlisted, null, now)).Outcome.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, Do(book, (b, now) => ApprovalDecisions.Approve(b, id, Requester, null, now)).Outcome.Error!.Kind);
        Assert.Equal("validation_failed", Do(book, (b, now) => ApprovalDecisions.Reject(b, id, ListedApprover, " ", now)).Outcome.Error!.Code);
        Assert.Equal(ReservationStatus.PendingApproval, book.Reservations[id].Status);

        var admin = Actor.With(Guid.NewGuid(), Permission.All);
        Assert.True(Do(book, (b, now) => ApprovalDecisions.Approve(b, id, admin, null, now)).Outcome.IsSuccess);
    }

    [Fact]
    public void Without_listed_approvers_anyone_with_approvals_decide_may_decide()
    {
        var rules = new BookingRules { RequiresApproval = true };
        Assert.True(rules.MayDecide(Actor.With(Guid.NewGuid(), Permission.ApprovalsDecide)));
        Assert.False(rules.MayDecide(Requester));
        Assert.False((rules with { Approvers = [Approver] }).MayDecide(Actor.With(Guid.NewGuid(), Permission.ApprovalsDecide)));
    }

    [Fact]
    public void An_undecided_request_expires_at_its_timeout_and_frees_its_capacity()
    {
        var book = Book(capacity: 1);
        var id = Do(book, (b, now) => BookingDecisions.Book(b, Request(9), now)).Outcome.Value!.Id;
        Assert.Equal(Now + TimeSpan.FromHours(6), ApprovalDecisions.NextExpiry(book));

        Assert.False(book.Decide(ApprovalDecisions.Expire, Now + TimeSpan.FromHours(5)).Outcome.IsSuccess);
        var expired = book.Decide(ApprovalDecisions.Expire, Now + TimeSpan.FromHours(6));

        Assert.Equal(1, expired.Outcome.Value);
        var row = Assert.Single(expired.Changes.Rows);
        Assert.Equal(ReservationStatus.Expired, row.Reservation.Status);
        Assert.Single(expired.Changes.Freed);
        Assert.Null(ApprovalDecisions.NextExpiry(book));
        Assert.False(book.Reservations.ContainsKey(id));
        Assert.Equal("reservation_not_found", Do(book, (b, now) => ApprovalDecisions.Approve(b, id, ListedApprover, null, now)).Outcome.Error!.Code);
    }

    [Fact]
    public void A_decision_after_the_timeout_is_refused_even_before_the_clock_ran()
    {
        var book = Book(capacity: 1);
        var id = Do(book, (b, now) => BookingDecisions.Book(b, Request(9), now)).Outcome.Value!.Id;

        var late = book.Decide((b, now) => ApprovalDecisions.Approve(b, id, ListedApprover, null, now), Now + TimeSpan.FromHours(7));

        Assert.Equal("not_pending_approval", late.Outcome.Error!.Code);
        Assert.True(late.Changes.IsEmpty);
    }

    [Fact]
    public void Rejection_offers_the_freed_capacity_to_a_waiting_waitlist_entry_in_the_same_change()
    {
        var book = Book(capacity: 1);
        var id = Do(book, (b, now) => BookingDecisions.Book(b, Request(9), now)).Outcome.Value!.Id;
        var entry = new OfferCandidate(Guid.NewGuid(), Guid.NewGuid(), TimeSpan.FromHours(1), new TimeRange(At(9), At(10)));
        Assert.True(Do(book, (b, now) => OfferDecisions.Settle(b, [], [entry], now)).Outcome.IsSuccess);
        Assert.Empty(book.Holds);

        var rejected = Do(book, (b, now) => ApprovalDecisions.Reject(b, id, ListedApprover, "no", now));

        Assert.True(rejected.Outcome.IsSuccess);
        Assert.True(book.Holds.ContainsKey(entry.EntryId));
    }

    [Fact]
    public void The_requester_may_cancel_a_pending_request_which_frees_its_capacity()
    {
        var book = Book(capacity: 1);
        var id = Do(book, (b, now) => BookingDecisions.Book(b, Request(9), now)).Outcome.Value!.Id;

        var cancelled = Do(book, (b, now) => BookingDecisions.Cancel(b, id, Requester, null, now));

        Assert.Equal(ReservationStatus.Cancelled, cancelled.Outcome.Value!.Status);
        Assert.True(Do(book, (b, now) => BookingDecisions.Book(b, Request(9), now)).Outcome.IsSuccess);
    }

    private static Decided<T> Do<T>(ResourceBook book, Func<ResourceBook, DateTimeOffset, Decided<T>> decide) => book.Decide(decide, Now);

    private static DateTimeOffset At(int hour) => Now.Date.AddDays(1).AddHours(hour);

    private static BookingRequest Request(int hour) => new()
    {
        ReservationId = Guid.NewGuid(),
        UserId = Requester.UserId,
        Start = At(hour),
        End = At(hour + 1),
    };

    private static ResourceBook Book(int capacity)
    {
        var details = new ResourceDetails
        {
            Name = "Board room",
            Capacity = capacity,
            Rules = new BookingRules { RequiresApproval = true, Approvers = [Approver], ApprovalTimeout = TimeSpan.FromHours(6) },
        };
        var resource = new ResourceSnapshot { Id = Guid.NewGuid(), Details = details, CreatedAt = Now, UpdatedAt = Now, Version = 1 };
        return new ResourceBook(resource.Id, new ResourceRecord(1, resource, null, [], [], []), new SchedulingDefaults());
    }
}
