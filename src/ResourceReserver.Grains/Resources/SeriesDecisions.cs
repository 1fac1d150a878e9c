using ResourceReserver.Scheduling;
using ResourceReserver.Storage;

namespace ResourceReserver.Resources;

/// <summary>
/// Recurring series as one decision: every accepted occurrence is committed together or none is, so a crash
/// never leaves half a series behind. Pure, like <see cref="BookingDecisions"/>.
/// </summary>
internal static class SeriesDecisions
{
    public static Decided<SeriesResult> Book(ResourceBook book, SeriesRequest request, DateTimeOffset now)
    {
        if (book.Missing() is { } missing)
        {
            return missing;
        }

        var existing = book.Reservations.Values.Where(r => r.SeriesId == request.SeriesId).OrderBy(r => r.Start).ToList();
        if (existing.Count > 0)
        {
            // A retried request: answer with what the first one booked.
            return existing[0].UserId == request.UserId
                ? new Decided<SeriesResult>(new SeriesResult(request.SeriesId, existing, []), new ResourceChanges())
                : DomainError.Conflict(ProblemCode.DuplicateReservationId, "That series id is taken.");
        }

        if (BookingPolicy.ValidateInterval(request.Start, request.End) is { } badInterval)
        {
            return badInterval;
        }

        var expanded = RecurrenceExpander.Expand(request.Rule, new TimeRange(request.Start.ToUniversalTime(), request.End.ToUniversalTime()), book.Calendar);
        if (!expanded.IsSuccess)
        {
            return expanded.Error!;
        }

        var accepted = new List<(Guid Id, TimeRange Range)>();
        var skipped = new List<SkippedOccurrence>();
        using (var scratch = new IndexScratch(book.Index))
        {
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
                if (ResourceSchedule.Refusal(book, occurrenceRequest, occurrence, now, accepted.Count) is { } refused)
                {
                    skipped.Add(new SkippedOccurrence(occurrence.Start, occurrence.End, refused.Code));
                    continue;
                }

                // Later occurrences of the same series must see this one.
                accepted.Add((occurrenceRequest.ReservationId, occurrence));
                scratch.Add(occurrenceRequest.ReservationId, book.Padding.Pad(occurrence), request.Quantity);
            }
        }

        if (accepted.Count == 0 || (skipped.Count > 0 && request.Mode == SeriesConflictMode.AllOrNothing))
        {
            return new DomainError(ErrorKind.Conflict, ProblemCode.SeriesConflict, $"{skipped.Count} of {expanded.Value!.Count} occurrences cannot be booked: "
                + string.Join(", ", skipped.Take(20).Select(s => $"{s.Start:yyyy-MM-ddTHH:mmZ} ({s.Code})")))
            {
                Conflicts = skipped.Select(s => new TimeRange(s.Start, s.End)).ToList(),
            };
        }

        var changes = new ResourceChanges();
        var booked = accepted.Select(a =>
        {
            var reservation = BookingDecisions.NewReservation(book.Id, a.Id, request.UserId, a.Range, request.Quantity, request.Title, request.Notes, request.SeriesId, now);
            return ApprovalDecisions.Admit(book, reservation, now, changes);
        }).ToList();
        return new Decided<SeriesResult>(new SeriesResult(request.SeriesId, booked, skipped), changes);
    }

    public static Decided<IReadOnlyList<Reservation>> Cancel(ResourceBook book, Guid reservationId, SeriesScope scope, Actor actor, string? reason, DateTimeOffset now)
    {
        if (scope == SeriesScope.One || !book.Reservations.TryGetValue(reservationId, out var anchor) || anchor.SeriesId is null)
        {
            var single = BookingDecisions.Cancel(book, reservationId, actor, reason, now);
            return single.Outcome.IsSuccess
                ? new Decided<IReadOnlyList<Reservation>>(new List<Reservation> { single.Outcome.Value! }, single.Changes)
                : single.Outcome.Error!;
        }

        if (anchor.UserId != actor.UserId && !actor.IsAdmin)
        {
            return DomainError.Forbidden("Only the owner or an administrator may cancel this series.");
        }

        var targets = book.Reservations.Values
            .Where(r => r.SeriesId == anchor.SeriesId && r.Status is ReservationStatus.Confirmed or ReservationStatus.PendingApproval && r.End > now)
            .Where(r => scope == SeriesScope.All || r.Start >= anchor.Start)
            .OrderBy(r => r.Start)
            .ToList();
        if (targets.Count == 0)
        {
            return DomainError.Conflict(ProblemCode.AlreadyCancelled, "No occurrence of the series is left to cancel.");
        }

        var changes = new ResourceChanges();
        var cancelled = targets.Select(r => BookingDecisions.CancelReservation(r, actor, reason, now, changes)).ToList();
        return new Decided<IReadOnlyList<Reservation>>(cancelled, changes);
    }
}
