using ResourceReserver.Events;
using ResourceReserver.Scheduling;

namespace ResourceReserver.Resources;

public sealed partial class ResourceGrain
{
    /// <inheritdoc />
    public async Task<Outcome<SeriesResult>> BookSeriesAsync(SeriesRequest request)
    {
        var outcome = await CommitAsync(() => DecideSeries(request));
        await ScheduleExpiryAsync();
        return outcome;
    }

    /// <inheritdoc />
    public Task<Outcome<IReadOnlyList<Reservation>>> CancelSeriesAsync(Guid reservationId, SeriesScope scope, Actor actor, string? reason) =>
        CommitAsync(() => DecideCancelSeries(reservationId, scope, actor, reason));

    /// <summary>
    /// The whole series in one decision and one state write: either every accepted occurrence is stored or
    /// none is, so a crash can never leave half a series behind.
    /// </summary>
    private Outcome<SeriesResult> DecideSeries(SeriesRequest request)
    {
        if (MissingResource() is { } missing)
        {
            return missing;
        }

        var existing = Ledger.Reservations.Values.Where(r => r.SeriesId == request.SeriesId).OrderBy(r => r.Start).ToList();
        if (existing.Count > 0)
        {
            // A retried request: answer with what the first one booked.
            return existing[0].UserId == request.UserId
                ? new SeriesResult(request.SeriesId, existing, [])
                : DomainError.Conflict("duplicate_reservation_id", "That series id is taken.");
        }

        if (BookingPolicy.ValidateInterval(request.Start, request.End) is { } badInterval)
        {
            return badInterval;
        }

        var expanded = RecurrenceExpander.Expand(request.Rule, new TimeRange(request.Start.ToUniversalTime(), request.End.ToUniversalTime()), Calendar);
        if (!expanded.IsSuccess)
        {
            return expanded.Error!;
        }

        var now = Now;
        var accepted = new List<(Guid Id, TimeRange Range)>();
        var skipped = new List<SkippedOccurrence>();
        foreach (var occurrence in expanded.Value!)
        {
            var occurrenceRequest = new BookingRequest
            {
                ReservationId = Guid.NewGuid(),
                UserId = request.UserId,
                Start = occurrence.Start,
                End = occurrence.End,
                Quantity = request.Quantity,
                Title = request.Title,
                Notes = request.Notes,
            };
            if (CheckBookable(occurrenceRequest, occurrence, now, accepted.Count) is { } refused)
            {
                skipped.Add(new SkippedOccurrence(occurrence.Start, occurrence.End, refused.Code));
                continue;
            }

            // Indexed at once so later occurrences of the same series see it; undone below if the series fails.
            accepted.Add((occurrenceRequest.ReservationId, occurrence));
            _index.Add(occurrenceRequest.ReservationId, Padding.Pad(occurrence), request.Quantity);
        }

        if (accepted.Count == 0 || (skipped.Count > 0 && request.Mode == SeriesConflictMode.AllOrNothing))
        {
            accepted.ForEach(a => _index.Remove(a.Id));
            return new DomainError(ErrorKind.Conflict, "series_conflict", $"{skipped.Count} of {expanded.Value!.Count} occurrences cannot be booked: "
                + string.Join(", ", skipped.Take(20).Select(s => $"{s.Start:yyyy-MM-ddTHH:mmZ} ({s.Code})")))
            {
                Conflicts = skipped.Select(s => new TimeRange(s.Start, s.End)).ToList(),
            };
        }

        var booked = accepted.Select(a => StoreOccurrence(a.Id, a.Range, request, now)).ToList();
        return new SeriesResult(request.SeriesId, booked, skipped);
    }

    private Reservation StoreOccurrence(Guid id, TimeRange range, SeriesRequest request, DateTimeOffset now)
    {
        var reservation = new Reservation
        {
            Id = id,
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
            SeriesId = request.SeriesId,
        };
        Ledger.PutReservation(reservation);
        Record(EventTypes.ReservationCreated, new Actor(request.UserId, false), reservation);
        return reservation;
    }

    private Outcome<IReadOnlyList<Reservation>> DecideCancelSeries(Guid reservationId, SeriesScope scope, Actor actor, string? reason)
    {
        if (scope == SeriesScope.One || !Ledger.Reservations.TryGetValue(reservationId, out var anchor) || anchor.SeriesId is null)
        {
            var single = DecideCancel(reservationId, actor, reason);
            return single.IsSuccess ? new List<Reservation> { single.Value! } : single.Error!;
        }

        if (anchor.UserId != actor.UserId && !actor.IsAdmin)
        {
            return DomainError.Forbidden("Only the owner or an administrator may cancel this series.");
        }

        var now = Now;
        var targets = Ledger.Reservations.Values
            .Where(r => r.SeriesId == anchor.SeriesId && r.Status == ReservationStatus.Confirmed && r.End > now)
            .Where(r => scope == SeriesScope.All || r.Start >= anchor.Start)
            .OrderBy(r => r.Start)
            .ToList();
        if (targets.Count == 0)
        {
            return DomainError.Conflict("already_cancelled", "No occurrence of the series is left to cancel.");
        }

        return targets.Select(r => CancelReservation(r, actor, reason, now)).ToList();
    }
}
