using ResourceReserver.Scheduling;

namespace ResourceReserver.Resources;

/// <summary>Every change to the resource, each a decision of a plain decision class, stored before it is answered.</summary>
public sealed partial class ResourceGrain
{
    /// <inheritdoc />
    public Task<Outcome<ResourceSnapshot>> CreateAsync(ResourceDetails details, Actor actor) =>
        DecideAsync((book, now) => ResourceDecisions.Create(book, details, actor, now));

    /// <inheritdoc />
    public Task<Outcome<ResourceSnapshot>> UpdateAsync(ResourcePatch patch, Actor actor) =>
        DecideAsync((book, now) => ResourceDecisions.Update(book, patch, actor, now));

    /// <inheritdoc />
    public Task<Outcome<ResourceSnapshot>> DeleteAsync(Actor actor) =>
        DecideAsync((book, now) => ResourceDecisions.Delete(book, actor, now));

    /// <inheritdoc />
    public async Task<Outcome<ResourceSnapshot>> SetStatusAsync(ResourceStatus status, TimeSpan? autoResetAfter, Actor actor)
    {
        if (autoResetAfter is { } after && (status != ResourceStatus.Maintenance || after < TimeSpan.FromMinutes(1) || after > TimeSpan.FromDays(365)))
        {
            return DomainError.Invalid(ProblemCode.InvalidAutoReset, "autoResetAfter applies to maintenance only and must be between 1 minute and 365 days.");
        }

        var outcome = await DecideAsync((book, now) => ResourceDecisions.SetStatus(book, status, autoResetAfter, actor, now));
        if (outcome.IsSuccess)
        {
            await ScheduleResetAsync(outcome.Value!.StatusResetsAt);
        }

        return outcome;
    }

    /// <inheritdoc />
    public Task<Outcome<Reservation>> BookAsync(BookingRequest request) => WithQuotaAsync(
        request.UserId,
        1,
        () => DecideAsync((book, now) => BookingDecisions.Book(book, request, now)),
        reservation => reservation.Id == request.ReservationId ? 1 : 0);

    /// <inheritdoc />
    public Task<Outcome<Reservation>> CancelAsync(Guid reservationId, Actor actor, string? reason) =>
        DecideAsync((book, now) => BookingDecisions.Cancel(book, reservationId, actor, reason, now));

    /// <inheritdoc />
    public Task<Outcome<Reservation>> ChangeReservationAsync(Guid reservationId, ReservationChange change, Actor actor) =>
        DecideAsync((book, now) => BookingDecisions.Change(book, reservationId, change, actor, now));

    /// <inheritdoc />
    public Task<Outcome<SeriesResult>> BookSeriesAsync(SeriesRequest request)
    {
        var replay = Book.Reservations.Values.Any(r => r.SeriesId == request.SeriesId);
        var occurrences = replay || Book.Resource is null
            ? 0
            : RecurrenceExpander.Expand(request.Rule, new TimeRange(request.Start.ToUniversalTime(), request.End.ToUniversalTime()), Book.Calendar).Value?.Count ?? 0;
        return WithQuotaAsync(
            request.UserId,
            occurrences,
            () => DecideAsync((book, now) => SeriesDecisions.Book(book, request, now)),
            series => series.Booked.Count);
    }

    /// <inheritdoc />
    public Task<Outcome<IReadOnlyList<Reservation>>> CancelSeriesAsync(Guid reservationId, SeriesScope scope, Actor actor, string? reason) =>
        DecideAsync((book, now) => SeriesDecisions.Cancel(book, reservationId, scope, actor, reason, now));

    /// <inheritdoc />
    public Task<Outcome<Hold>> PlaceHoldAsync(HoldRequest request) =>
        DecideAsync((book, now) => HoldDecisions.Place(book, request, now));

    /// <inheritdoc />
    public Task<Outcome<Reservation>> ConfirmHoldAsync(Guid holdId, Actor actor) => WithQuotaAsync(
        Book.Holds.GetValueOrDefault(holdId)?.UserId ?? actor.UserId,
        1,
        () => DecideAsync((book, now) => HoldDecisions.Confirm(book, holdId, actor, now)),
        _ => 1);

    /// <inheritdoc />
    public Task<Outcome<Reservation>> ReleaseHoldAsync(Guid holdId, Actor actor) =>
        DecideAsync((book, now) => HoldDecisions.Release(book, holdId, actor, now));

    /// <inheritdoc />
    public Task<Outcome<HoldTiming>> SetHoldTimingAsync(HoldTiming timing, Actor actor) =>
        DecideAsync((book, now) => HoldDecisions.SetTiming(book, timing, actor, now));

    /// <inheritdoc />
    public Task<Outcome<OfferSettlement>> SettleOffersAsync(IReadOnlyList<Guid> release, IReadOnlyList<OfferCandidate> candidates) =>
        DecideAsync((book, now) => OfferDecisions.Settle(book, release, candidates, now));

    /// <inheritdoc />
    public Task<Outcome<Reservation>> ApproveAsync(Guid reservationId, Actor actor, string? message) =>
        DecideAsync((book, now) => ApprovalDecisions.Approve(book, reservationId, actor, message, now));

    /// <inheritdoc />
    public Task<Outcome<Reservation>> RejectAsync(Guid reservationId, Actor actor, string? message) =>
        DecideAsync((book, now) => ApprovalDecisions.Reject(book, reservationId, actor, message, now));

    /// <inheritdoc />
    public Task<Outcome<Reservation>> AcceptOfferAsync(Guid entryId, Guid userId) => WithQuotaAsync(
        userId,
        1,
        () => DecideAsync((book, now) => OfferDecisions.Accept(book, entryId, userId, now)),
        _ => 1);

    /// <summary>
    /// Counts <paramref name="units"/> bookings against the user's daily quota (<see cref="IBookingQuotaGrain"/>, which
    /// stores them before it answers) before deciding, and hands back what the decision did not create. A decision
    /// that failed for want of storage keeps its units: it may have been stored, and the quota must never be exceeded.
    /// </summary>
    private async Task<Outcome<T>> WithQuotaAsync<T>(Guid userId, int units, Func<Task<Outcome<T>>> decide, Func<T, int> created)
    {
        if (units == 0 || Book.Resource is not { Deleted: false })
        {
            return await decide();
        }

        var quota = GrainFactory.GetGrain<IBookingQuotaGrain>(userId);
        var reserved = await quota.ReserveAsync(units);
        if (!reserved.IsSuccess)
        {
            return reserved.Error!;
        }

        var granted = reserved.Value!.Ids;
        var outcome = await decide();
        var used = outcome.IsSuccess ? created(outcome.Value!) : outcome.Error!.Kind == ErrorKind.Unavailable ? units : 0;
        if (granted.Count > used)
        {
            await quota.ReleaseAsync(granted.Skip(used).ToList());
        }

        return outcome;
    }
}
