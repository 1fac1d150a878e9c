using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Apis;

/// <summary>Waitlists: join for a busy window, get an offer when capacity frees up, accept or decline it.</summary>
public static class WaitlistApi
{
    /// <summary>Maps <c>/api/v1/waitlist</c>.</summary>
    public static RouteGroupBuilder MapWaitlistApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/waitlist").WithTags("Waitlist").RequireAuthorization();
        group.MapPost("/", JoinAsync).WithName("JoinWaitlist");
        group.MapGet("/", ListMineAsync).WithName("ListMyWaitlistEntries");
        group.MapGet("/resources/{resourceId}", ListResourceAsync).WithName("ListResourceWaitlist").RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapGet("/{id}", GetAsync).WithName("GetWaitlistEntry");
        group.MapDelete("/{id}", (string id, HttpContext http, SqlReadStore store, IGrainFactory grains) =>
            ActAsync(id, http, store, grains, (w, entry, actor) => w.LeaveAsync(entry, actor))).WithName("LeaveWaitlist");
        group.MapPost("/{id}/accept", (string id, HttpContext http, SqlReadStore store, IGrainFactory grains) =>
            ActAsync(id, http, store, grains, (w, entry, actor) => w.AcceptAsync(entry, actor))).WithName("AcceptWaitlistOffer");
        group.MapPost("/{id}/decline", (string id, HttpContext http, SqlReadStore store, IGrainFactory grains) =>
            ActAsync(id, http, store, grains, (w, entry, actor) => w.DeclineAsync(entry, actor))).WithName("DeclineWaitlistOffer");
        return group;
    }

    private static async Task<Results<Created<WaitlistEntryView>, ProblemHttpResult>> JoinAsync(JoinWaitlistRequest request, HttpContext http, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(request.ResourceId, out var resourceId))
        {
            errors["resourceId"] = ["resourceId must be the id of a resource."];
        }

        if (request.Start is null || request.End is null)
        {
            errors["window"] = ["start and end are required (ISO 8601 with an offset)."];
        }

        if (request.Flexible is { } f && (f.Earliest is null || f.Latest is null))
        {
            errors["flexible"] = ["flexible needs both earliest and latest."];
        }

        if (errors.Count > 0)
        {
            return Problem.Of(422, "validation_failed", "Some fields are invalid.", errors);
        }

        FlexibleRange? flexible = request.Flexible is { } range ? new FlexibleRange(range.Earliest!.Value, range.Latest!.Value) : null;
        var outcome = await grains.GetGrain<IWaitlistGrain>(resourceId)
            .JoinAsync(Guid.CreateVersion7(), http.User.UserId(), new TimeRange(request.Start!.Value, request.End!.Value), flexible);
        return outcome.IsSuccess
            ? TypedResults.Created($"/api/v1/waitlist/{outcome.Value!.Id}", WaitlistEntryView.From(outcome.Value))
            : Problem.From(outcome.Error!);
    }

    private static async Task<Ok<WaitlistPage>> ListMineAsync(HttpContext http, SqlReadStore store, IGrainFactory grains)
    {
        var actor = http.User.Actor();
        var items = new List<WaitlistEntryView>();
        foreach (var resourceId in await store.GetWaitlistResourcesOfUserAsync(actor.UserId, http.RequestAborted))
        {
            var entries = await grains.GetGrain<IWaitlistGrain>(resourceId).ListAsync(actor with { IsAdmin = false }, all: false);
            items.AddRange(entries.Select(WaitlistEntryView.From));
        }

        return TypedResults.Ok(new WaitlistPage(items.OrderBy(e => e.JoinedAt).ToList(), null));
    }

    private static async Task<Results<Ok<WaitlistPage>, ProblemHttpResult>> ListResourceAsync(string resourceId, HttpContext http, IGrainFactory grains)
    {
        if (!Guid.TryParse(resourceId, out var id) || await grains.GetGrain<IResourceGrain>(id).GetAsync() is null)
        {
            return Problem.Of(404, "resource_not_found", "No such resource.");
        }

        var entries = await grains.GetGrain<IWaitlistGrain>(id).ListAsync(http.User.Actor(), all: true);
        return TypedResults.Ok(new WaitlistPage(entries.Select(WaitlistEntryView.From).ToList(), null));
    }

    private static Task<Results<Ok<WaitlistEntryView>, ProblemHttpResult>> GetAsync(string id, HttpContext http, SqlReadStore store, IGrainFactory grains) =>
        ActAsync(id, http, store, grains, (w, entry, actor) => w.GetAsync(entry, actor));

    private static async Task<Results<Ok<WaitlistEntryView>, ProblemHttpResult>> ActAsync(
        string id, HttpContext http, SqlReadStore store, IGrainFactory grains, Func<IWaitlistGrain, Guid, Actor, Task<Outcome<WaitlistEntry>>> act)
    {
        if (!Guid.TryParse(id, out var entryId) || await store.GetWaitlistResourceAsync(entryId, http.RequestAborted) is not { } resourceId)
        {
            return Problem.Of(404, "waitlist_entry_not_found", "No such waitlist entry.");
        }

        var outcome = await act(grains.GetGrain<IWaitlistGrain>(resourceId), entryId, http.User.Actor());
        return outcome.IsSuccess ? TypedResults.Ok(WaitlistEntryView.From(outcome.Value!)) : Problem.From(outcome.Error!);
    }
}
