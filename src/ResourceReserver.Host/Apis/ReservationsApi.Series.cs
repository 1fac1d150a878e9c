using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Scheduling;

namespace ResourceReserver.Host.Apis;

public static partial class ReservationsApi
{
    private static async Task<Results<Created<SeriesView>, ProblemHttpResult>> CreateSeriesAsync(CreateSeriesRequest request, HttpContext http, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(request.ResourceId, out var resourceId))
        {
            errors["resourceId"] = ["resourceId must be the id of a resource."];
        }

        if (request.Start is null || request.End is null)
        {
            errors["start"] = ["start and end of the first occurrence are required (ISO 8601 with an offset)."];
        }

        if (string.IsNullOrWhiteSpace(request.Rule))
        {
            errors["rule"] = ["rule is required: an RRULE such as FREQ=WEEKLY;BYDAY=MO;COUNT=10."];
        }

        var mode = request.OnConflict?.ToLowerInvariant() switch
        {
            null or "reject" => SeriesConflictMode.AllOrNothing,
            "skip" => SeriesConflictMode.SkipConflicts,
            _ => (SeriesConflictMode?)null,
        };
        if (mode is null)
        {
            errors["onConflict"] = ["onConflict is reject (default: nothing is booked) or skip (book the rest)."];
        }

        AddTextErrors(errors, request.Title, request.Notes);
        if (errors.Count > 0)
        {
            return Problem.Of(422, "validation_failed", "Some fields are invalid.", errors);
        }

        var series = new SeriesRequest
        {
            SeriesId = Guid.CreateVersion7(),
            UserId = http.User.UserId(),
            Start = request.Start!.Value,
            End = request.End!.Value,
            Rule = request.Rule!,
            Quantity = request.Quantity ?? 1,
            Title = request.Title,
            Notes = request.Notes,
            Mode = mode!.Value,
        };
        var outcome = await grains.GetGrain<IResourceGrain>(resourceId).BookSeriesAsync(series);
        if (!outcome.IsSuccess)
        {
            return Problem.From(outcome.Error!);
        }

        var result = outcome.Value!;
        var view = new SeriesView(
            result.SeriesId,
            result.Booked.Select(ReservationView.From).ToList(),
            result.Skipped.Select(s => new SkippedView(s.Start.ToUniversalTime(), s.End.ToUniversalTime(), s.Code)).ToList());
        return TypedResults.Created($"/api/v1/reservations/{result.Booked[0].Id}", view);
    }

    private static async Task<Results<Ok<IReadOnlyList<ReservationView>>, ProblemHttpResult>> CancelSeriesAsync(
        string id, CancelSeriesRequest? request, HttpContext http, SqlReadStore store, IGrainFactory grains)
    {
        var scope = request?.Scope?.ToLowerInvariant() switch
        {
            null or "all" => SeriesScope.All,
            "following" => SeriesScope.ThisAndFollowing,
            "one" => SeriesScope.One,
            _ => (SeriesScope?)null,
        };
        if (scope is null || request?.Reason?.Length > 1000)
        {
            return Problem.Invalid("scope", "scope is one, following or all (default); the reason may have at most 1000 characters.");
        }

        var (reservation, problem) = await FindOwnAsync(id, http, store);
        if (reservation is null)
        {
            return problem!;
        }

        var outcome = await grains.GetGrain<IResourceGrain>(reservation.ResourceId).CancelSeriesAsync(reservation.Id, scope.Value, http.User.Actor(), request?.Reason);
        if (outcome.IsSuccess)
        {
            return TypedResults.Ok<IReadOnlyList<ReservationView>>(outcome.Value!.Select(ReservationView.From).ToList());
        }

        return outcome.Error!.Code == "reservation_not_found"
            ? Problem.Of(409, "reservation_ended", "The reservation can no longer be cancelled.")
            : Problem.From(outcome.Error);
    }

    private static async Task<Results<Ok<ReservationView>, ProblemHttpResult>> ChangeAsync(
        string id, ChangeReservationRequest request, HttpContext http, SqlReadStore store, IGrainFactory grains)
    {
        if (request.Title?.Length > BookingPolicy.MaxTitleLength || request.Notes?.Length > BookingPolicy.MaxNotesLength)
        {
            return Problem.Invalid("title", $"The title may have at most {BookingPolicy.MaxTitleLength} characters and the notes {BookingPolicy.MaxNotesLength}.");
        }

        var (reservation, problem) = await FindOwnAsync(id, http, store);
        if (reservation is null)
        {
            return problem!;
        }

        var change = new ReservationChange { Start = request.Start, End = request.End, Quantity = request.Quantity, Title = request.Title, Notes = request.Notes };
        var outcome = await grains.GetGrain<IResourceGrain>(reservation.ResourceId).ChangeReservationAsync(reservation.Id, change, http.User.Actor());
        if (outcome.IsSuccess)
        {
            return TypedResults.Ok(ReservationView.From(outcome.Value!));
        }

        return outcome.Error!.Code == "reservation_not_found"
            ? Problem.Of(409, reservation.Status == ReservationStatus.Cancelled ? "already_cancelled" : "reservation_ended", "The reservation can no longer be changed.")
            : Problem.From(outcome.Error);
    }
}
