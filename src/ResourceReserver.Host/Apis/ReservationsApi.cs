using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Scheduling;

namespace ResourceReserver.Host.Apis;

/// <summary>Booking, listing and cancelling reservations. Writes go to the resource grain; reads to the read store.</summary>
public static partial class ReservationsApi
{
    private const int MaxIdempotencyKeyLength = 200;

    /// <summary>Maps <c>/api/v1/reservations</c>.</summary>
    public static RouteGroupBuilder MapReservationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/reservations").WithTags("Reservations").RequireAuthorization();
        group.MapPost("/", CreateAsync).WithName("CreateReservation");
        group.MapGet("/", ListAsync).WithName("ListReservations");
        group.MapGet("/{id}", GetAsync).WithName("GetReservation");
        group.MapPost("/{id}/cancel", CancelAsync).WithName("CancelReservation");
        group.MapGet("/{id}/history", HistoryAsync).WithName("ReservationHistory");
        group.MapPost("/series", CreateSeriesAsync).WithName("CreateReservationSeries");
        group.MapPost("/{id}/cancel-series", CancelSeriesAsync).WithName("CancelReservationSeries");
        group.MapPatch("/{id}", ChangeAsync).WithName("ChangeReservation");
        return group;
    }

    private static async Task<Results<Created<ReservationView>, Ok<ReservationView>, ProblemHttpResult>> CreateAsync(
        CreateReservationRequest request, HttpContext http, IGrainFactory grains)
    {
        var idempotencyKey = http.Request.Headers["Idempotency-Key"].ToString();
        if (idempotencyKey.Length > MaxIdempotencyKeyLength)
        {
            return Problem.Invalid("Idempotency-Key", $"The Idempotency-Key header may have at most {MaxIdempotencyKeyLength} characters.");
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
            return Problem.Of(422, "validation_failed", "Some fields are invalid.", errors);
        }

        var booking = new BookingRequest
        {
            ReservationId = Guid.CreateVersion7(),
            UserId = http.User.UserId(),
            Start = request.Start!.Value,
            End = request.End!.Value,
            Quantity = request.Quantity ?? 1,
            Title = request.Title,
            Notes = request.Notes,
            IdempotencyKey = string.IsNullOrEmpty(idempotencyKey) ? null : idempotencyKey,
        };
        if (booking.IdempotencyKey is { } key && await grains.GetGrain<IUserGrain>(booking.UserId).BindIdempotencyKeyAsync(key, resourceId) != resourceId)
        {
            return Problem.Of(422, "idempotency_key_reused", "This Idempotency-Key was already used for a different request.");
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = await grains.GetGrain<IResourceGrain>(resourceId).BookAsync(booking);
        ResourceReserver.Diagnostics.ReserverMetrics.RecordBooking(outcome.Error, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        if (!outcome.IsSuccess)
        {
            return Problem.From(outcome.Error!);
        }

        var reservation = outcome.Value!;
        var view = ReservationView.From(reservation);
        return TypedResults.Created($"/api/v1/reservations/{reservation.Id}", view);
    }

    private static async Task<Results<Ok<ReservationView>, ProblemHttpResult>> GetAsync(string id, HttpContext http, SqlReadStore store)
    {
        var (reservation, problem) = await FindOwnAsync(id, http, store);
        return reservation is null ? problem! : TypedResults.Ok(ReservationView.From(reservation));
    }

    private static async Task<Results<Ok<ReservationView>, ProblemHttpResult>> CancelAsync(
        string id, CancelReservationRequest? request, HttpContext http, SqlReadStore store, IGrainFactory grains)
    {
        if (request?.Reason?.Length > 1000)
        {
            return Problem.Invalid("reason", "The reason may have at most 1000 characters.");
        }

        var (reservation, problem) = await FindOwnAsync(id, http, store);
        if (reservation is null)
        {
            return problem!;
        }

        var outcome = await grains.GetGrain<IResourceGrain>(reservation.ResourceId).CancelAsync(reservation.Id, http.User.Actor(), request?.Reason);
        if (outcome.IsSuccess)
        {
            return TypedResults.Ok(ReservationView.From(outcome.Value!));
        }

        // The grain forgets reservations once they are over; the projection still knows what became of them.
        return outcome.Error!.Code == "reservation_not_found"
            ? Problem.Of(409, reservation.Status == ReservationStatus.Cancelled ? "already_cancelled" : "reservation_ended", "The reservation can no longer be cancelled.")
            : Problem.From(outcome.Error);
    }

    private static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, ProblemHttpResult>> HistoryAsync(string id, HttpContext http, SqlReadStore store)
    {
        var (reservation, problem) = await FindOwnAsync(id, http, store);
        return reservation is null ? problem! : TypedResults.Ok(await store.GetHistoryAsync(reservation.Id, http.RequestAborted));
    }

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

    /// <summary>Finds a reservation the caller may see: its owner or an administrator.</summary>
    private static async Task<(Reservation?, ProblemHttpResult?)> FindOwnAsync(string id, HttpContext http, SqlReadStore store)
    {
        if (!Guid.TryParse(id, out var reservationId) || await store.GetReservationAsync(reservationId, http.RequestAborted) is not { } reservation)
        {
            return (null, Problem.Of(404, "reservation_not_found", "No such reservation."));
        }

        var actor = http.User.Actor();
        return reservation.UserId == actor.UserId || actor.IsAdmin
            ? (reservation, null)
            : (null, Problem.Of(403, "forbidden", "This reservation belongs to someone else."));
    }
}
