using ResourceReserver.Events;

namespace ResourceReserver.Resources;

public sealed partial class ResourceGrain
{
    /// <inheritdoc />
    public Task<Outcome<Reservation>> ChangeReservationAsync(Guid reservationId, ReservationChange change, Actor actor) =>
        CommitAsync(() => DecideChange(reservationId, change, actor));

    /// <summary>Moves or resizes in one step: the new range is checked with the old one set aside, or nothing changes.</summary>
    private Outcome<Reservation> DecideChange(Guid reservationId, ReservationChange change, Actor actor)
    {
        if (!Ledger.Reservations.TryGetValue(reservationId, out var current))
        {
            return DomainError.NotFound("reservation_not_found", $"Reservation {reservationId} does not exist.");
        }

        if (current.UserId != actor.UserId && !actor.IsAdmin)
        {
            return DomainError.Forbidden("Only the owner or an administrator may change this reservation.");
        }

        var now = Now;
        if (current.Status != ReservationStatus.Confirmed)
        {
            return DomainError.Conflict("already_cancelled", "A cancelled reservation cannot be changed.");
        }

        if (current.End <= now)
        {
            return DomainError.Conflict("reservation_ended", "The reservation has already ended.");
        }

        var start = (change.Start ?? current.Start).ToUniversalTime();
        var end = (change.End ?? current.End).ToUniversalTime();
        if (start != current.Start && current.Start <= now)
        {
            return DomainError.Invalid("reservation_started", "A reservation that has started can only have its end changed.");
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
        _index.Remove(current.Id);
        if (CheckBookable(request, range, judgedAt, alsoHeldByUser: -1) is { } refused)
        {
            _index.Add(current.Id, Padding.Pad(current.Range), current.Quantity);
            return refused;
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
        Ledger.PutReservation(changed);
        _index.Add(changed.Id, Padding.Pad(range), changed.Quantity);
        if (!(range.Start <= current.Start && current.End <= range.End && changed.Quantity >= current.Quantity))
        {
            CapacityFreed(current.Range);
        }

        Record(EventTypes.ReservationUpdated, actor, changed);
        return changed;
    }
}
