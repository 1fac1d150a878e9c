using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Grains;
using ResourceReserver.Scheduling;

namespace ResourceReserver.Resources;

/// <summary>Holds: tentative bookings that block capacity until confirmed, released, or lapsed on time.</summary>
public sealed partial class ResourceGrain : IResourceHoldsGrain
{
    // Projection versions: a hold shows as held (0); whatever it becomes (confirmed, cancelled, expired) is newer (1).
    private const long HeldVersion = 0;
    private const long SettledVersion = 1;

    private HoldTiming Timing => Ledger.HoldTiming ?? HoldTiming.Default;

    /// <inheritdoc />
    public async Task<Outcome<Hold>> PlaceHoldAsync(HoldRequest request)
    {
        var outcome = await CommitAsync(() => DecidePlaceHold(request));
        await ScheduleHoldClockAsync();
        return outcome;
    }

    /// <inheritdoc />
    public async Task<Outcome<Reservation>> ConfirmHoldAsync(Guid holdId, Actor actor)
    {
        var outcome = await CommitAsync(() => DecideConfirmHold(holdId, actor));
        await ScheduleHoldClockAsync();
        return outcome;
    }

    /// <inheritdoc />
    public async Task<Outcome<Reservation>> ReleaseHoldAsync(Guid holdId, Actor actor)
    {
        var outcome = await CommitAsync(() => DecideReleaseHold(holdId, actor));
        await ScheduleHoldClockAsync();
        return outcome;
    }

    /// <inheritdoc />
    public Task<Hold?> GetHoldAsync(Guid holdId) => Task.FromResult(Ledger.Holds.GetValueOrDefault(holdId));

    /// <inheritdoc />
    public Task<HoldTiming> GetHoldTimingAsync() => Task.FromResult(Timing);

    /// <inheritdoc />
    public Task<Outcome<HoldTiming>> SetHoldTimingAsync(HoldTiming timing, Actor actor) => CommitAsync<HoldTiming>(() =>
    {
        if (MissingResource() is { } missing)
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

        Ledger.HoldTiming = timing;
        return timing;
    });

    private Outcome<Hold> DecidePlaceHold(HoldRequest request)
    {
        if (MissingResource() is { } missing)
        {
            return missing;
        }

        if (Ledger.Holds.TryGetValue(request.HoldId, out var existing) || Ledger.Reservations.ContainsKey(request.HoldId))
        {
            return existing?.UserId == request.UserId ? existing : DomainError.Conflict("duplicate_hold_id", "That hold id is taken.");
        }

        var now = Now;
        var resource = Ledger.Resource!;
        var asBooking = new BookingRequest { ReservationId = request.HoldId, UserId = request.UserId, Start = request.Start, End = request.End, Quantity = request.Quantity };
        if (BookingPolicy.Validate(asBooking, resource, now) is { } invalid)
        {
            return invalid;
        }

        var range = new TimeRange(request.Start.ToUniversalTime(), request.End.ToUniversalTime());
        if (!_index.CanFit(range, request.Quantity, resource.Details.Capacity))
        {
            return new DomainError(ErrorKind.Conflict, "booking_conflict", "The requested time is already booked or held.")
            {
                Conflicts = _index.Overlapping(range).Select(e => e.Range).ToList(),
            };
        }

        var hold = new Hold
        {
            Id = request.HoldId,
            ResourceId = ResourceId,
            UserId = request.UserId,
            Start = range.Start,
            End = range.End,
            Quantity = request.Quantity,
            ExpiresAt = now + Timing.HoldDuration,
            CreatedAt = now,
        };
        AddHold(hold, new Actor(request.UserId, false));
        return hold;
    }

    private Outcome<Reservation> DecideConfirmHold(Guid holdId, Actor actor)
    {
        if (!Ledger.Holds.TryGetValue(holdId, out var hold) || hold.IsOffer)
        {
            return Ledger.Reservations.TryGetValue(holdId, out var booked) && booked.UserId == actor.UserId
                ? booked
                : DomainError.NotFound("hold_not_found", "No such hold; it may have lapsed or been released.");
        }

        if (hold.UserId != actor.UserId && !actor.IsAdmin)
        {
            return DomainError.Forbidden("This hold belongs to someone else.");
        }

        return hold.ExpiresAt <= Now
            ? new DomainError(ErrorKind.Gone, "hold_expired", "The hold has lapsed.")
            : BookHeld(hold);
    }

    private Outcome<Reservation> DecideReleaseHold(Guid holdId, Actor actor)
    {
        if (!Ledger.Holds.TryGetValue(holdId, out var hold) || hold.IsOffer)
        {
            return DomainError.NotFound("hold_not_found", "No such hold; it may have lapsed or been released.");
        }

        if (hold.UserId != actor.UserId && !actor.IsAdmin)
        {
            return DomainError.Forbidden("This hold belongs to someone else.");
        }

        return RemoveHold(hold, ReservationStatus.Cancelled, EventTypes.ReservationCancelled, actor, "Hold released.");
    }

    /// <summary>Books a hold under the same checks as a booking; on refusal the hold stands unchanged.</summary>
    private Outcome<Reservation> BookHeld(Hold hold)
    {
        // The hold must not count against its own booking.
        _index.Remove(hold.Id);
        var request = new BookingRequest { ReservationId = hold.Id, UserId = hold.UserId, Start = hold.Start, End = hold.End, Quantity = hold.Quantity };
        var outcome = Evaluate(request, Now);
        if (!outcome.IsSuccess)
        {
            _index.Add(hold.Id, hold.Range, hold.Quantity);
            return outcome;
        }

        Ledger.RemoveHold(hold.Id);
        return outcome;
    }

    private void AddHold(Hold hold, Actor actor)
    {
        Ledger.PutHold(hold);
        _index.Add(hold.Id, hold.Range, hold.Quantity);
        Record(EventTypes.ReservationHeld, actor, hold.AsReservation(ReservationStatus.Held, hold.CreatedAt, HeldVersion));
    }

    private Reservation RemoveHold(Hold hold, ReservationStatus status, string eventType, Actor? actor, string detail, bool freesCapacity = true)
    {
        Ledger.RemoveHold(hold.Id);
        _index.Remove(hold.Id);
        var settled = hold.AsReservation(status, Now, SettledVersion);
        if (freesCapacity)
        {
            CapacityFreed(hold.Range);
        }

        Record(eventType, actor, settled, detail: detail);
        return settled;
    }

    private void IndexHolds()
    {
        foreach (var hold in Ledger.Holds.Values)
        {
            _index.Add(hold.Id, hold.Range, hold.Quantity);
        }
    }
}
