using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Apis;

/// <summary>Holds: short tentative reservations that block a slot until confirmed, released, or lapsed.</summary>
public static class HoldsApi
{
    /// <summary>Maps <c>/api/v1/holds</c> and the per-resource hold timing.</summary>
    public static RouteGroupBuilder MapHoldsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/resources/{id}/hold-timing", GetTimingAsync).WithTags("Holds").WithName("GetHoldTiming");
        routes.MapPut("/api/v1/resources/{id}/hold-timing", SetTimingAsync).WithTags("Holds").WithName("SetHoldTiming")
            .RequireAuthorization(AuthSetup.AdminPolicy);

        var group = routes.MapGroup("/api/v1/holds").WithTags("Holds").RequireAuthorization();
        group.MapPost("/", CreateAsync).WithName("CreateHold");
        group.MapGet("/{id}", GetAsync).WithName("GetHold");
        group.MapPost("/{id}/confirm", ConfirmAsync).WithName("ConfirmHold");
        group.MapDelete("/{id}", ReleaseAsync).WithName("ReleaseHold");
        return group;
    }

    private static async Task<Results<Created<HoldView>, ProblemHttpResult>> CreateAsync(CreateHoldRequest request, HttpContext http, IGrainFactory grains)
    {
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

        if (errors.Count > 0)
        {
            return Problem.Of(422, "validation_failed", "Some fields are invalid.", errors);
        }

        var hold = new HoldRequest(Guid.CreateVersion7(), http.User.UserId(), request.Start!.Value, request.End!.Value, request.Quantity ?? 1);
        var outcome = await grains.GetGrain<IResourceHoldsGrain>(resourceId).PlaceHoldAsync(hold);
        return outcome.IsSuccess
            ? TypedResults.Created($"/api/v1/holds/{outcome.Value!.Id}", HoldView.From(outcome.Value))
            : Problem.From(outcome.Error!);
    }

    private static async Task<Results<Ok<HoldView>, ProblemHttpResult>> GetAsync(string id, HttpContext http, SqlReadStore store, IGrainFactory grains)
    {
        var (reservation, problem) = await FindOwnAsync(id, http, store);
        if (reservation is null)
        {
            return problem!;
        }

        return await grains.GetGrain<IResourceHoldsGrain>(reservation.ResourceId).GetHoldAsync(reservation.Id) is { IsOffer: false } hold
            ? TypedResults.Ok(HoldView.From(hold))
            : NotFound();
    }

    private static async Task<Results<Ok<ReservationView>, ProblemHttpResult>> ConfirmAsync(string id, HttpContext http, SqlReadStore store, IGrainFactory grains)
    {
        var (reservation, problem) = await FindOwnAsync(id, http, store);
        if (reservation is null)
        {
            return problem!;
        }

        var outcome = await grains.GetGrain<IResourceHoldsGrain>(reservation.ResourceId).ConfirmHoldAsync(reservation.Id, http.User.Actor());
        if (!outcome.IsSuccess && outcome.Error!.Code == "hold_not_found" && reservation.Status == ReservationStatus.Expired)
        {
            return Problem.Of(410, "hold_expired", "The hold has lapsed.");
        }

        return outcome.IsSuccess ? TypedResults.Ok(ReservationView.From(outcome.Value!)) : Problem.From(outcome.Error!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReleaseAsync(string id, HttpContext http, SqlReadStore store, IGrainFactory grains)
    {
        var (reservation, problem) = await FindOwnAsync(id, http, store);
        if (reservation is null)
        {
            return problem!;
        }

        var outcome = await grains.GetGrain<IResourceHoldsGrain>(reservation.ResourceId).ReleaseHoldAsync(reservation.Id, http.User.Actor());
        return outcome.IsSuccess ? TypedResults.NoContent() : Problem.From(outcome.Error!);
    }

    private static async Task<Results<Ok<HoldTiming>, ProblemHttpResult>> GetTimingAsync(string id, IGrainFactory grains)
    {
        if (!Guid.TryParse(id, out var resourceId) || await grains.GetGrain<IResourceGrain>(resourceId).GetAsync() is null)
        {
            return Problem.Of(404, "resource_not_found", "No such resource.");
        }

        return TypedResults.Ok(await grains.GetGrain<IResourceHoldsGrain>(resourceId).GetHoldTimingAsync());
    }

    private static async Task<Results<Ok<HoldTiming>, ProblemHttpResult>> SetTimingAsync(string id, HoldTimingRequest request, HttpContext http, IGrainFactory grains)
    {
        if (!Guid.TryParse(id, out var resourceId))
        {
            return Problem.Of(404, "resource_not_found", "No such resource.");
        }

        var grain = grains.GetGrain<IResourceHoldsGrain>(resourceId);
        var current = await grain.GetHoldTimingAsync();
        var timing = current with
        {
            HoldDuration = request.HoldDuration ?? current.HoldDuration,
            OfferWindow = request.OfferWindow ?? current.OfferWindow,
        };
        var outcome = await grain.SetHoldTimingAsync(timing, http.User.Actor());
        return outcome.IsSuccess ? TypedResults.Ok(outcome.Value!) : Problem.From(outcome.Error!);
    }

    /// <summary>Finds a hold (projected as a reservation) the caller may act on: its owner or an administrator.</summary>
    private static async Task<(Reservation?, ProblemHttpResult?)> FindOwnAsync(string id, HttpContext http, SqlReadStore store)
    {
        if (!Guid.TryParse(id, out var holdId) || await store.GetReservationAsync(holdId, http.RequestAborted) is not { } reservation)
        {
            return (null, NotFound());
        }

        var actor = http.User.Actor();
        return reservation.UserId == actor.UserId || actor.IsAdmin
            ? (reservation, null)
            : (null, Problem.Of(403, "forbidden", "This hold belongs to someone else."));
    }

    private static ProblemHttpResult NotFound() => Problem.Of(404, "hold_not_found", "No such hold.");
}
