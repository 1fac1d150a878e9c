using ResourceReserver.Contracts;
using ResourceReserver.Diagnostics;
using ResourceReserver.Grains;
using ResourceReserver.Host.Apis;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Scheduling;

namespace ResourceReserver.Host.Application;

/// <summary>Booking, listing, cancelling and changing reservations. Writes go to the resource grain; reads to the read store.</summary>
public sealed partial class ReservationService(IGrainFactory grains, SqlReadStore store)
{
    /// <summary>Longest accepted <c>Idempotency-Key</c>.</summary>
    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>Books a slot for the actor; a retried <paramref name="idempotencyKey"/> answers the first booking again.</summary>
    public async Task<Outcome<ReservationView>> BookAsync(Actor actor, CreateReservationRequest request, string? idempotencyKey = null)
    {
        if (Caller.Require(actor, Permission.ReservationsBook) is { } mayNotBook)
        {
            return mayNotBook;
        }

        if (idempotencyKey?.Length > MaxIdempotencyKeyLength)
        {
            return Refusal.Invalid("Idempotency-Key", $"The Idempotency-Key header may have at most {MaxIdempotencyKeyLength} characters.");
        }

        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(request.ResourceId, out var resourceId))
        {
            errors["resourceId"] = ["resourceId must be the id of a resource."];
        }

        if (request.Start is null)
        {
            errors["start"] = ["start is required (ISO 8601 with an offset)."];
        }

        if (request.End is null)
        {
            errors["end"] = ["end is required (ISO 8601 with an offset)."];
        }

        AddTextErrors(errors, request.Title, request.Notes);
        if (errors.Count > 0)
        {
            return Refusal.Fields(errors);
        }

        var booking = new BookingRequest
        {
            ReservationId = Guid.CreateVersion7(),
            UserId = actor.UserId,
            Start = request.Start!.Value,
            End = request.End!.Value,
            Quantity = request.Quantity ?? 1,
            Title = request.Title,
            Notes = request.Notes,
            IdempotencyKey = string.IsNullOrEmpty(idempotencyKey) ? null : idempotencyKey,
        };
        if (booking.IdempotencyKey is { } key && await grains.GetGrain<IUserGrain>(booking.UserId).BindIdempotencyKeyAsync(key, resourceId) != resourceId)
        {
            return DomainError.Invalid(ProblemCode.IdempotencyKeyReused, "This Idempotency-Key was already used for a different request.");
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = await grains.GetGrain<IResourceGrain>(resourceId).BookAsync(booking);
        ReserverMetrics.RecordBooking(outcome.Error, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return outcome.IsSuccess ? ReservationView.From(outcome.Value!) : outcome.Error!;
    }

    /// <summary>One reservation the actor owns (or any, for an administrator).</summary>
    public async Task<Outcome<ReservationView>> GetAsync(Actor actor, string id, CancellationToken ct = default)
    {
        var (reservation, problem) = await FindOwnAsync(actor, id, ct);
        return reservation is null ? problem! : ReservationView.From(reservation);
    }

    /// <summary>Cancels a reservation of the actor (or any, for an administrator).</summary>
    public async Task<Outcome<ReservationView>> CancelAsync(Actor actor, string id, string? reason, CancellationToken ct = default)
    {
        if (reason?.Length > 1000)
        {
            return Refusal.Invalid("reason", "The reason may have at most 1000 characters.");
        }

        var (reservation, problem) = await FindOwnAsync(actor, id, ct);
        if (reservation is null)
        {
            return problem!;
        }

        var outcome = await grains.GetGrain<IResourceGrain>(reservation.ResourceId).CancelAsync(reservation.Id, actor, reason);
        if (outcome.IsSuccess)
        {
            return ReservationView.From(outcome.Value!);
        }

        // The grain forgets reservations once they are over; the projection still knows what became of them.
        return outcome.Error!.Code == ProblemCode.ReservationNotFound ? NoLongerChangeable(reservation, "cancelled") : outcome.Error;
    }

    /// <summary>What happened to a reservation, oldest first.</summary>
    public async Task<Outcome<IReadOnlyList<HistoryEntry>>> HistoryAsync(Actor actor, string id, CancellationToken ct = default)
    {
        var (reservation, problem) = await FindOwnAsync(actor, id, ct);
        return reservation is null ? problem! : Outcome<IReadOnlyList<HistoryEntry>>.Ok(await store.GetHistoryAsync(reservation.Id, ct));
    }

    /// <summary>Finds a reservation the actor may see: its owner or an administrator.</summary>
    internal async Task<(Reservation?, DomainError?)> FindOwnAsync(Actor actor, string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var reservationId) || await store.GetReservationAsync(reservationId, ct) is not { } reservation)
        {
            return (null, DomainError.NotFound(ProblemCode.ReservationNotFound, "No such reservation."));
        }

        return reservation.UserId == actor.UserId || actor.IsAdmin
            ? (reservation, null)
            : (null, DomainError.Forbidden("This reservation belongs to someone else."));
    }

    private static DomainError NoLongerChangeable(Reservation reservation, string verb) => DomainError.Conflict(
        reservation.Status == ReservationStatus.Cancelled ? ProblemCode.AlreadyCancelled : ProblemCode.ReservationEnded, $"The reservation can no longer be {verb}.");

    /// <summary>The title and notes limits, shared by single and series bookings.</summary>
    private static void AddTextErrors(Dictionary<string, string[]> errors, string? title, string? notes)
    {
        if (title?.Length > BookingPolicy.MaxTitleLength)
        {
            errors["title"] = [$"At most {BookingPolicy.MaxTitleLength} characters."];
        }

        if (notes?.Length > BookingPolicy.MaxNotesLength)
        {
            errors["notes"] = [$"At most {BookingPolicy.MaxNotesLength} characters."];
        }
    }
}
