using ResourceReserver.Events;
using ResourceReserver.Scheduling;
using ResourceReserver.Storage;

namespace ResourceReserver.Resources;

/// <summary>
/// Booking, cancelling, moving and recurring series, as pure functions of (state, request, now): each returns its
/// outcome and what it changes, and leaves the state as it found it. A refusal changes nothing (except that a
/// refused keyed booking remembers its answer).
/// </summary>
internal static class BookingDecisions
{
    private static readonly TimeSpan AnswerLifetime = TimeSpan.FromHours(24);

    public static Decided<Reservation> Book(ResourceBook book, BookingRequest request, DateTimeOffset now)
    {
        var answerKey = request.IdempotencyKey is { } key ? $"{request.UserId:N}:{key}" : null;
        var fingerprint = $"{request.Start.UtcTicks}|{request.End.UtcTicks}|{request.Quantity}|{request.Title}|{request.Notes}";
        if (answerKey is not null && book.Answers.TryGetValue(answerKey, out var first) && first.ExpiresAt > now)
        {
            return first.Fingerprint == fingerprint
                ? new Decided<Reservation>(first.Answer, new ResourceChanges())
                : DomainError.Invalid(ProblemCode.IdempotencyKeyReused, "This Idempotency-Key was already used for a different request.");
        }

        var changes = new ResourceChanges();
        var outcome = Evaluate(book, request, now, changes);
        if (answerKey is not null)
        {
            // Stored with the reservation it created, in the same commit. A refusal changes nothing: its answer rides
            // along with the resource's next commit, or is forgotten with the activation, like any unstored refusal.
            // Whole milliseconds, as stored.
            var expires = DateTimeOffset.FromUnixTimeMilliseconds((now + AnswerLifetime).ToUnixTimeMilliseconds());
            changes.Remember(new RememberedAnswer(answerKey, fingerprint, outcome, expires));
        }

        return new Decided<Reservation>(outcome, changes);
    }

    /// <summary>Books on the state as it is: the shared core of a booking, a confirmed hold and an accepted offer.</summary>
    public static Outcome<Reservation> Evaluate(ResourceBook book, BookingRequest request, DateTimeOffset now, ResourceChanges changes)
    {
        if (book.Missing() is { } missing)
        {
            return missing;
        }

        if (book.Reservations.TryGetValue(request.ReservationId, out var existing))
        {
            return existing.UserId == request.UserId
                ? existing
                : DomainError.Conflict(ProblemCode.DuplicateReservationId, "That reservation id is taken.");
        }

        var range = new TimeRange(request.Start.ToUniversalTime(), request.End.ToUniversalTime());
        if (ResourceSchedule.Refusal(book, request, range, now, alsoHeldByUser: 0) is { } refused)
        {
            return refused;
        }

        var reservation = NewReservation(book.Id, request.ReservationId, request.UserId, range, request.Quantity, request.Title, request.Notes, null, now);
        return ApprovalDecisions.Admit(book, reservation, now, changes);
    }

    public static Decided<Reservation> Cancel(ResourceBook book, Guid reservationId, Actor actor, string? reason, DateTimeOffset now)
    {
        if (!book.Reservations.TryGetValue(reservationId, out var reservation))
        {
            return DomainError.NotFound(ProblemCode.ReservationNotFound, $"Reservation {reservationId} does not exist.");
        }

        if (reservation.UserId != actor.UserId && !actor.IsAdmin)
        {
            return DomainError.Forbidden("Only the owner or an administrator may cancel this reservation.");
        }

        if (reservation.Status is not (ReservationStatus.Confirmed or ReservationStatus.PendingApproval))
        {
            return DomainError.Conflict(ProblemCode.AlreadyCancelled, "The reservation is already cancelled.");
        }

        if (reservation.End <= now)
        {
            return DomainError.Conflict(ProblemCode.ReservationEnded, "The reservation has already ended.");
        }

        var changes = new ResourceChanges();
        return new Decided<Reservation>(CancelReservation(reservation, actor, reason, now, changes), changes);
    }

    /// <summary>Cancels a reservation the decision already vetted; the capacity it held is freed.</summary>
    public static Reservation CancelReservation(Reservation reservation, Actor? actor, string? reason, DateTimeOffset now, ResourceChanges changes)
    {
        var cancelled = reservation with
        {
            Status = ReservationStatus.Cancelled,
            CancelReason = reason,
            CancelledBy = actor?.UserId,
            UpdatedAt = now,
            Version = reservation.Version + 1,
        };
        changes.Put(ReservationRow.Live(cancelled));
        changes.Free(cancelled.Range);
        changes.Record(EventTypes.ReservationCancelled, now, actor?.UserId, cancelled, detail: reason);
        return cancelled;
    }

    /// <summary>Moves or resizes in one step: the new range is checked with the old one set aside, or nothing changes.</summary>
    public static Decided<Reservation> Change(ResourceBook book, Guid reservationId, ReservationChange change, Actor actor, DateTimeOffset now)
    {
        if (!book.Reservations.TryGetValue(reservationId, out var current))
        {
            return DomainError.NotFound(ProblemCode.ReservationNotFound, $"Reservation {reservationId} does not exist.");
        }

        if (current.UserId != actor.UserId && !actor.IsAdmin)
        {
            return DomainError.Forbidden("Only the owner or an administrator may change this reservation.");
        }

        if (current.Status == ReservationStatus.PendingApproval)
        {
            return DomainError.Conflict(ProblemCode.PendingApproval, "A request waiting for approval cannot be changed; cancel it and book again.");
        }

        if (current.Status != ReservationStatus.Confirmed)
        {
            return DomainError.Conflict(ProblemCode.AlreadyCancelled, "A cancelled reservation cannot be changed.");
        }

        if (current.End <= now)
        {
            return DomainError.Conflict(ProblemCode.ReservationEnded, "The reservation has already ended.");
        }

        var start = (change.Start ?? current.Start).ToUniversalTime();
        var end = (change.End ?? current.End).ToUniversalTime();
        if (start != current.Start && current.Start <= now)
        {
            return DomainError.Invalid(ProblemCode.ReservationStarted, "A reservation that has started can only have its end changed.");
        }

        var request = new BookingRequest
        {
            ReservationId = current.Id,
            UserId = current.UserId,
            Start = start,
            End = end,
            Quantity = change.Quantity ?? current.Quantity,
            Title = change.Title ?? current.Title,
            Notes = change.Notes ?? current.Notes,
        };
        var range = new TimeRange(start, end);

        // An unmoved start is judged as of the original booking time, so a running booking may still be extended.
        var judgedAt = start == current.Start && current.Start < now ? current.Start : now;
        using (var scratch = new IndexScratch(book.Index))
        {
            scratch.Remove(current.Id);
            if (ResourceSchedule.Refusal(book, request, range, judgedAt, alsoHeldByUser: -1) is { } refused)
            {
                return refused;
            }
        }

        var changed = current with
        {
            Start = start,
            End = end,
            Quantity = request.Quantity,
            Title = request.Title,
            Notes = request.Notes,
            UpdatedAt = now,
            Version = current.Version + 1,
        };
        var changes = new ResourceChanges();
        changes.Put(ReservationRow.Live(changed));
        if (!(range.Start <= current.Start && current.End <= range.End && changed.Quantity >= current.Quantity))
        {
            changes.Free(current.Range);
        }

        changes.Record(EventTypes.ReservationUpdated, now, actor.UserId, changed);
        return new Decided<Reservation>(changed, changes);
    }

    public static Reservation NewReservation(
        Guid resourceId, Guid id, Guid userId, TimeRange range, int quantity, string? title, string? notes, Guid? seriesId, DateTimeOffset now) => new()
    {
        Id = id,
        ResourceId = resourceId,
        UserId = userId,
        Start = range.Start,
        End = range.End,
        Quantity = quantity,
        Title = title,
        Notes = notes,
        Status = ReservationStatus.Confirmed,
        CreatedAt = now,
        UpdatedAt = now,
        Version = 1,
        SeriesId = seriesId,
    };
}
