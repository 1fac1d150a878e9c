using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Scheduling;

namespace ResourceReserver.Resources;

public sealed partial class ResourceGrain
{
    private static readonly TimeSpan AnswerLifetime = TimeSpan.FromHours(24);

    /// <inheritdoc />
    public async Task<Outcome<Reservation>> BookAsync(BookingRequest request)
    {
        var outcome = await CommitAsync(() => DecideBooking(request));
        await ScheduleExpiryAsync();
        return outcome;
    }

    /// <inheritdoc />
    public Task<Outcome<Reservation>> CancelAsync(Guid reservationId, Actor actor, string? reason) =>
        CommitAsync(() => DecideCancel(reservationId, actor, reason));

    /// <inheritdoc />
    public Task<Outcome<AvailabilityView>> GetAvailabilityAsync(DateTimeOffset from, DateTimeOffset until, bool includeOwners)
    {
        if (MissingResource() is { } missing)
        {
            return Task.FromResult(Outcome<AvailabilityView>.Fail(missing));
        }

        if (BookingPolicy.ValidateInterval(from, until) is { } invalid)
        {
            return Task.FromResult(Outcome<AvailabilityView>.Fail(invalid));
        }

        if (until - from > TimeSpan.FromDays(93))
        {
            return Task.FromResult(Outcome<AvailabilityView>.Fail(DomainError.Invalid("window_too_long", "An availability window may span at most 93 days.")));
        }

        var (busy, free) = FreeTime.Split(_index, new TimeRange(from, until), Ledger.Resource!.Details.Capacity);
        var view = new AvailabilityView(
            ResourceId,
            from,
            until,
            busy.Select(b => new BusyInterval(b.Range.Start, b.Range.End, includeOwners ? b.Ids : [])).ToList(),
            free);
        return Task.FromResult(Outcome<AvailabilityView>.Ok(view));
    }

    private Outcome<Reservation> DecideBooking(BookingRequest request)
    {
        var now = Now;
        var answerKey = request.IdempotencyKey is { } key ? $"{request.UserId:N}:{key}" : null;
        var fingerprint = $"{request.Start.UtcTicks}|{request.End.UtcTicks}|{request.Quantity}|{request.Title}|{request.Notes}";
        if (answerKey is not null && Ledger.TryGetAnswer(answerKey, out var first) && first.ExpiresAt > now)
        {
            return first.Fingerprint == fingerprint
                ? first.Answer
                : DomainError.Invalid("idempotency_key_reused", "This Idempotency-Key was already used for a different request.");
        }

        var outcome = Evaluate(request, now);
        if (answerKey is not null)
        {
            Ledger.PruneAnswers(now);

            // Stored beside the reservation it created, so one row write persists both. A refusal is remembered
            // too, but only persisted with a later write of the open segment: it changes nothing.
            Ledger.RememberAnswer(answerKey, new IdempotentAnswer(fingerprint, outcome, now + AnswerLifetime), outcome.IsSuccess ? outcome.Value!.Id : null);
        }

        return outcome;
    }

    private Outcome<Reservation> Evaluate(BookingRequest request, DateTimeOffset now)
    {
        if (MissingResource() is { } missing)
        {
            return missing;
        }

        if (Ledger.Reservations.TryGetValue(request.ReservationId, out var existing))
        {
            return existing.UserId == request.UserId
                ? existing
                : DomainError.Conflict("duplicate_reservation_id", "That reservation id is taken.");
        }

        var range = new TimeRange(request.Start.ToUniversalTime(), request.End.ToUniversalTime());
        if (CheckBookable(request, range, now, alsoHeldByUser: 0) is { } refused)
        {
            return refused;
        }

        var reservation = new Reservation
        {
            Id = request.ReservationId,
            ResourceId = ResourceId,
            UserId = request.UserId,
            Start = range.Start,
            End = range.End,
            Quantity = request.Quantity,
            Title = request.Title,
            Notes = request.Notes,
            Status = ReservationStatus.Confirmed,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        Ledger.PutReservation(reservation);
        _index.Add(reservation.Id, Padding.Pad(range), reservation.Quantity);
        Record(EventTypes.ReservationCreated, new Actor(request.UserId, false), reservation);
        return reservation;
    }

    private Outcome<Reservation> DecideCancel(Guid reservationId, Actor actor, string? reason)
    {
        if (!Ledger.Reservations.TryGetValue(reservationId, out var reservation))
        {
            return DomainError.NotFound("reservation_not_found", $"Reservation {reservationId} does not exist.");
        }

        if (reservation.UserId != actor.UserId && !actor.IsAdmin)
        {
            return DomainError.Forbidden("Only the owner or an administrator may cancel this reservation.");
        }

        if (reservation.Status == ReservationStatus.Cancelled)
        {
            return DomainError.Conflict("already_cancelled", "The reservation is already cancelled.");
        }

        var now = Now;
        if (reservation.End <= now)
        {
            return DomainError.Conflict("reservation_ended", "The reservation has already ended.");
        }

        var cancelled = CancelReservation(reservation, actor, reason, now);
        return cancelled;
    }

    private Reservation CancelReservation(Reservation reservation, Actor? actor, string? reason, DateTimeOffset now)
    {
        var cancelled = reservation with
        {
            Status = ReservationStatus.Cancelled,
            CancelReason = reason,
            CancelledBy = actor?.UserId,
            UpdatedAt = now,
            Version = reservation.Version + 1,
        };
        Ledger.PutReservation(cancelled);
        _index.Remove(cancelled.Id);
        CapacityFreed(cancelled.Range);
        Record(EventTypes.ReservationCancelled, actor, cancelled, detail: reason);
        return cancelled;
    }
}
