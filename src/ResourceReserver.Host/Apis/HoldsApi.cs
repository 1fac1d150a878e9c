using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Application;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.Apis;

/// <summary>Holds: short tentative reservations that block a slot until confirmed, released, or lapsed (rules in <see cref="HoldService"/>).</summary>
public static class HoldsApi
{
    /// <summary>Maps <c>/api/v1/holds</c> and the per-resource hold timing.</summary>
    public static RouteGroupBuilder MapHoldsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/resources/{id}/hold-timing", GetTimingAsync).WithTags("Holds").WithName("GetHoldTiming");
        routes.MapPut("/api/v1/resources/{id}/hold-timing", SetTimingAsync).WithTags("Holds").WithName("SetHoldTiming")
            .RequirePermission(Permission.ResourcesManage);

        var group = routes.MapGroup("/api/v1/holds").WithTags("Holds").RequireAuthorization();
        group.MapPost("/", CreateAsync).WithName("CreateHold").RequirePermission(Permission.ReservationsBook);
        group.MapGet("/{id}", GetAsync).WithName("GetHold");
        group.MapPost("/{id}/confirm", ConfirmAsync).WithName("ConfirmHold");
        group.MapDelete("/{id}", ReleaseAsync).WithName("ReleaseHold");
        return group;
    }

    private static async Task<Results<Created<HoldView>, ProblemHttpResult>> CreateAsync(CreateHoldRequest request, HttpContext http, HoldService holds) =>
        (await holds.PlaceAsync(http.User.Actor(), request)).ToCreated(h => $"/api/v1/holds/{h.Id}");

    private static async Task<Results<Ok<HoldView>, ProblemHttpResult>> GetAsync(string id, HttpContext http, HoldService holds) =>
        (await holds.GetAsync(http.User.Actor(), id, http.RequestAborted)).ToOk();

    private static async Task<Results<Ok<ReservationView>, ProblemHttpResult>> ConfirmAsync(string id, HttpContext http, HoldService holds) =>
        (await holds.ConfirmAsync(http.User.Actor(), id, http.RequestAborted)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> ReleaseAsync(string id, HttpContext http, HoldService holds) =>
        (await holds.ReleaseAsync(http.User.Actor(), id, http.RequestAborted)).ToNoContent();

    private static async Task<Results<Ok<HoldTiming>, ProblemHttpResult>> GetTimingAsync(string id, HoldService holds) =>
        (await holds.GetTimingAsync(id)).ToOk();

    private static async Task<Results<Ok<HoldTiming>, ProblemHttpResult>> SetTimingAsync(string id, HoldTimingRequest request, HttpContext http, HoldService holds) =>
        (await holds.SetTimingAsync(http.User.Actor(), id, request)).ToOk();
}
