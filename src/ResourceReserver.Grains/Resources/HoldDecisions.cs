using ResourceReserver.Events;
using ResourceReserver.Scheduling;
using ResourceReserver.Storage;

namespace ResourceReserver.Resources;

/// <summary>
/// Holds: tentative bookings that block capacity until confirmed, released, or lapsed on time. Pure, like
/// <see cref="BookingDecisions"/>. A hold is shown as a reservation in status held (version 0); whatever it
/// becomes (confirmed, cancelled, expired) is version 1.
/// </summary>
internal static class HoldDecisions
{
    /// <summary>The waitlist settles its own offers on time; the resource lapses them only if the waitlist never did.</summary>
    public static readonly TimeSpan OfferGrace = TimeSpan.FromMinutes(1);

    private const long SettledVersion = 1;

    /// <summary>When a hold lapses by itself.</summary>
    public static DateTimeOffset LapsesAt(Hold hold) => hold.IsOffer ? hold.ExpiresAt + OfferGrace : hold.ExpiresAt;

    public static Decided<Hold> Place(ResourceBook book, HoldRequest request, DateTimeOffset now)
    {
        if (book.Missing() is { } missing)
        {
            return missing;
        }

        if (book.Holds.TryGetValue(request.HoldId, out var existing) || book.Reservations.ContainsKey(request.HoldId))
        {
            return existing?.UserId == request.UserId
                ? new Decided<Hold>(existing, new ResourceChanges())
                : DomainError.Conflict(ProblemCode.DuplicateHoldId, "That hold id is taken.");
        }

        var resource = book.Resource!;
        var asBooking = new BookingRequest { ReservationId = request.HoldId, UserId = request.UserId, Start = request.Start, End = request.End, Quantity = request.Quantity };
        if (BookingPolicy.Validate(asBooking, resource, now) is { } invalid)
        {
            return invalid;
        }

        var range = new TimeRange(request.Start.ToUniversalTime(), request.End.ToUniversalTime());
        if (!book.Index.CanFit(range, request.Quantity, resource.Details.Capacity))
        {
            return new DomainError(ErrorKind.Conflict, ProblemCode.BookingConflict, "The requested time is already booked or held.")
            {
                Conflicts = book.Index.Overlapping(range).Select(e => e.Range).ToList(),
            };
        }

        var hold = new Hold
        {
            Id = request.HoldId,
            ResourceId = book.Id,
            UserId = request.UserId,
            Start = range.Start,
            End = range.End,
            Quantity = request.Quantity,
            ExpiresAt = now + book.Timing.HoldDuration,
            CreatedAt = now,
        };
        var changes = new ResourceChanges();
        Add(hold, request.UserId, now, changes);
        return new Decided<Hold>(hold, changes);
    }

    public static Decided<Reservation> Confirm(ResourceBook book, Guid holdId, Actor actor, DateTimeOffset now)
    {
        if (!book.Holds.TryGetValue(holdId, out var hold) || hold.IsOffer)
        {
            return book.Reservations.TryGetValue(holdId, out var booked) && booked.UserId == actor.UserId
                ? new Decided<Reservation>(booked, new ResourceChanges())
                : DomainError.NotFound(ProblemCode.HoldNotFound, "No such hold; it may have lapsed or been released.");
        }

        if (hold.UserId != actor.UserId && !actor.IsAdmin)
        {
            return DomainError.Forbidden("This hold belongs to someone else.");
        }

        return hold.ExpiresAt <= now
            ? new DomainError(ErrorKind.Gone, ProblemCode.HoldExpired, "The hold has lapsed.")
            : BookHeld(book, hold, now);
    }

    public static Decided<Reservation> Release(ResourceBook book, Guid holdId, Actor actor, DateTimeOffset now)
    {
        if (!book.Holds.TryGetValue(holdId, out var hold) || hold.IsOffer)
        {
            return DomainError.NotFound(ProblemCode.HoldNotFound, "No such hold; it may have lapsed or been released.");
        }

        if (hold.UserId != actor.UserId && !actor.IsAdmin)
        {
            return DomainError.Forbidden("This hold belongs to someone else.");
        }

        var changes = new ResourceChanges();
        var released = Settle(hold, ReservationStatus.Cancelled, EventTypes.ReservationCancelled, actor.UserId, "Hold released.", now, changes);
        return new Decided<Reservation>(released, changes);
    }

    /// <summary>Every hold and offer whose time is up lapses; nothing is due is a refusal that writes nothing.</summary>
    public static Decided<int> Lapse(ResourceBook book, DateTimeOffset now)
    {
        var due = book.Holds.Values.Where(h => LapsesAt(h) <= now).ToList();
        if (due.Count == 0)
        {
            return DomainError.Conflict(ProblemCode.NothingDue, "No hold has lapsed.");
        }

        var changes = new ResourceChanges();
        foreach (var hold in due)
        {
            Settle(hold, ReservationStatus.Expired, EventTypes.ReservationExpired, null, hold.IsOffer ? "Offer lapsed." : "Hold lapsed.", now, changes);
        }

        return new Decided<int>(due.Count, changes);
    }

    public static Decided<HoldTiming> SetTiming(ResourceBook book, HoldTiming timing, Actor actor, DateTimeOffset now)
    {
        if (book.Missing() is { } missing)
        {
            return missing;
        }

        if (!actor.IsAdmin)
        {
            return DomainError.Forbidden("Only an administrator may change hold timing.");
        }

        if (timing.Validate() is { } invalid)
        {
            return invalid;
        }

        var changes = new ResourceChanges();
        changes.SetHead(timing, book.Demand);
        changes.RecordAudit(ResourceReserver.Audit.AuditActions.HoldTimingChanged, now, actor.UserId, book.Resource!, $"hold {timing.HoldDuration}");
        return new Decided<HoldTiming>(timing, changes);
    }

    /// <summary>Books a hold under the same checks as a booking; on refusal the hold stands unchanged.</summary>
    public static Decided<Reservation> BookHeld(ResourceBook book, Hold hold, DateTimeOffset now)
    {
        var changes = new ResourceChanges();
        Outcome<Reservation> outcome;
        using (var scratch = new IndexScratch(book.Index))
        {
            // The hold must not count against its own booking.
            scratch.Remove(hold.Id);
            var request = new BookingRequest { ReservationId = hold.Id, UserId = hold.UserId, Start = hold.Start, End = hold.End, Quantity = hold.Quantity };
            outcome = BookingDecisions.Evaluate(book, request, now, changes);
        }

        return outcome.IsSuccess ? new Decided<Reservation>(outcome, changes) : outcome.Error!;
    }

    /// <summary>Places a hold (or offer): its row blocks capacity until it is settled.</summary>
    public static void Add(Hold hold, Guid actorId, DateTimeOffset now, ResourceChanges changes)
    {
        var row = ReservationRow.Standing(hold);
        changes.Put(row);
        changes.Record(EventTypes.ReservationHeld, now, actorId, row.Reservation);
    }

    /// <summary>Ends a hold (or offer) as <paramref name="status"/>; the row stays as history.</summary>
    public static Reservation Settle(Hold hold, ReservationStatus status, string eventType, Guid? actorId, string detail, DateTimeOffset now, ResourceChanges changes, bool freesCapacity = true)
    {
        var settled = hold.AsReservation(status, now, SettledVersion);
        changes.Put(ReservationRow.Archive(settled));
        if (freesCapacity)
        {
            changes.Free(hold.Range);
        }

        changes.Record(eventType, now, actorId, settled, detail: detail);
        return settled;
    }
}
