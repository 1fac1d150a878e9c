using ResourceReserver.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Host.Application;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.Apis;

/// <summary>Waitlists: join for a busy window, get an offer when capacity frees up, accept or decline it (rules in <see cref="WaitlistService"/>).</summary>
public static class WaitlistApi
{
    /// <summary>Maps <c>/api/v1/waitlist</c>.</summary>
    public static RouteGroupBuilder MapWaitlistApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/waitlist").WithTags("Waitlist").RequireAuthorization();
        group.MapPost("/", JoinAsync).WithName("JoinWaitlist").RequirePermission(Permission.ReservationsBook);
        group.MapGet("/", ListMineAsync).WithName("ListMyWaitlistEntries");
        group.MapGet("/resources/{resourceId}", ListResourceAsync).WithName("ListResourceWaitlist").RequirePermission(Permission.ReservationsManage);
        group.MapGet("/{id}", async (string id, HttpContext http, WaitlistService waitlist) =>
            (await waitlist.GetAsync(http.User.Actor(), id, http.RequestAborted)).ToOk()).WithName("GetWaitlistEntry");
        group.MapDelete("/{id}", async (string id, HttpContext http, WaitlistService waitlist) =>
            (await waitlist.LeaveAsync(http.User.Actor(), id, http.RequestAborted)).ToOk()).WithName("LeaveWaitlist");
        group.MapPost("/{id}/accept", async (string id, HttpContext http, WaitlistService waitlist) =>
            (await waitlist.AcceptAsync(http.User.Actor(), id, http.RequestAborted)).ToOk()).WithName("AcceptWaitlistOffer");
        group.MapPost("/{id}/decline", async (string id, HttpContext http, WaitlistService waitlist) =>
            (await waitlist.DeclineAsync(http.User.Actor(), id, http.RequestAborted)).ToOk()).WithName("DeclineWaitlistOffer");
        return group;
    }

    private static async Task<Results<Created<WaitlistEntryView>, ProblemHttpResult>> JoinAsync(JoinWaitlistRequest request, HttpContext http, WaitlistService waitlist) =>
        (await waitlist.JoinAsync(http.User.Actor(), request)).ToCreated(e => $"/api/v1/waitlist/{e.Id}");

    private static async Task<Ok<WaitlistPage>> ListMineAsync(HttpContext http, WaitlistService waitlist) =>
        TypedResults.Ok(new WaitlistPage(await waitlist.ListMineAsync(http.User.Actor(), http.RequestAborted), null));

    private static async Task<Results<Ok<WaitlistPage>, ProblemHttpResult>> ListResourceAsync(string resourceId, HttpContext http, WaitlistService waitlist)
    {
        var outcome = await waitlist.ListResourceAsync(http.User.Actor(), resourceId);
        return outcome.IsSuccess ? TypedResults.Ok(new WaitlistPage(outcome.Value!, null)) : Problem.From(outcome.Error!);
    }
}
