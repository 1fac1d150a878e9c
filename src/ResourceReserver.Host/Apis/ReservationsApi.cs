using ResourceReserver.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Host.Application;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Apis;

/// <summary>Booking, listing and cancelling reservations. The rules live in <see cref="ReservationService"/>.</summary>
public static class ReservationsApi
{
    /// <summary>Maps <c>/api/v1/reservations</c>.</summary>
    public static RouteGroupBuilder MapReservationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/reservations").WithTags("Reservations").RequireAuthorization();
        group.MapPost("/", CreateAsync).WithName("CreateReservation").RequirePermission(Permission.ReservationsBook);
        group.MapGet("/", ListAsync).WithName("ListReservations");
        group.MapGet("/{id}", GetAsync).WithName("GetReservation");
        group.MapPost("/{id}/cancel", CancelAsync).WithName("CancelReservation");
        group.MapGet("/{id}/history", HistoryAsync).WithName("ReservationHistory");
        group.MapPost("/series", CreateSeriesAsync).WithName("CreateReservationSeries").RequirePermission(Permission.ReservationsBook);
        group.MapPost("/{id}/cancel-series", CancelSeriesAsync).WithName("CancelReservationSeries");
        group.MapPatch("/{id}", ChangeAsync).WithName("ChangeReservation");
        return group;
    }

    private static async Task<Results<Created<ReservationView>, Accepted<ReservationView>, ProblemHttpResult>> CreateAsync(
        CreateReservationRequest request, HttpContext http, ReservationService reservations)
    {
        var outcome = await reservations.BookAsync(http.User.Actor(), request, http.Request.Headers["Idempotency-Key"].ToString());
        if (!outcome.IsSuccess)
        {
            return Problem.From(outcome.Error!);
        }

        // A resource that requires approval takes the request, not the booking: 202 until an approver decides.
        var view = outcome.Value!;
        var location = $"/api/v1/reservations/{view.Id}";
        return view.Status == ApprovalService.PendingStatus ? TypedResults.Accepted(location, view) : TypedResults.Created(location, view);
    }

    private static async Task<Results<Ok<Page<ReservationView>>, ProblemHttpResult>> ListAsync(
        HttpContext http, ReservationService reservations, string? userId, string? resourceId, string? from, string? until, string? status, string? limit, string? cursor) =>
        (await reservations.ListAsync(http.User.Actor(), new ReservationQuery(userId, resourceId, from, until, status, limit, cursor), http.RequestAborted)).ToOk();

    private static async Task<Results<Ok<ReservationView>, ProblemHttpResult>> GetAsync(string id, HttpContext http, ReservationService reservations) =>
        (await reservations.GetAsync(http.User.Actor(), id, http.RequestAborted)).ToOk();

    private static async Task<Results<Ok<ReservationView>, ProblemHttpResult>> CancelAsync(
        string id, CancelReservationRequest? request, HttpContext http, ReservationService reservations) =>
        (await reservations.CancelAsync(http.User.Actor(), id, request?.Reason, http.RequestAborted)).ToOk();

    private static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, ProblemHttpResult>> HistoryAsync(string id, HttpContext http, ReservationService reservations) =>
        (await reservations.HistoryAsync(http.User.Actor(), id, http.RequestAborted)).ToOk();

    private static async Task<Results<Created<SeriesView>, ProblemHttpResult>> CreateSeriesAsync(CreateSeriesRequest request, HttpContext http, ReservationService reservations) =>
        (await reservations.BookSeriesAsync(http.User.Actor(), request)).ToCreated(s => $"/api/v1/reservations/{s.Reservations[0].Id}");

    private static async Task<Results<Ok<IReadOnlyList<ReservationView>>, ProblemHttpResult>> CancelSeriesAsync(
        string id, CancelSeriesRequest? request, HttpContext http, ReservationService reservations) =>
        (await reservations.CancelSeriesAsync(http.User.Actor(), id, request, http.RequestAborted)).ToOk();

    private static async Task<Results<Ok<ReservationView>, ProblemHttpResult>> ChangeAsync(
        string id, ChangeReservationRequest request, HttpContext http, ReservationService reservations) =>
        (await reservations.ChangeAsync(http.User.Actor(), id, request, http.RequestAborted)).ToOk();
}
