using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Apis;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Application;

/// <summary>Waitlists: join for a busy window, get an offer when capacity frees up, accept or decline it.</summary>
public sealed class WaitlistService(IGrainFactory grains, SqlReadStore store)
{
    /// <summary>Joins a resource's queue for an exact window, or any window of its length inside a flexible range.</summary>
    public async Task<Outcome<WaitlistEntryView>> JoinAsync(Actor actor, JoinWaitlistRequest request)
    {
        if (Caller.Require(actor, Permission.ReservationsBook) is { } mayNotBook)
        {
            return mayNotBook;
        }

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
            return Refusal.Fields(errors);
        }

        FlexibleRange? flexible = request.Flexible is { } range ? new FlexibleRange(range.Earliest!.Value, range.Latest!.Value) : null;
        var outcome = await grains.GetGrain<IWaitlistGrain>(resourceId)
            .JoinAsync(Guid.CreateVersion7(), actor.UserId, new TimeRange(request.Start!.Value, request.End!.Value), flexible);
        return outcome.IsSuccess ? WaitlistEntryView.From(outcome.Value!) : outcome.Error!;
    }

    /// <summary>The actor's own entries across resources, in join order.</summary>
    public async Task<IReadOnlyList<WaitlistEntryView>> ListMineAsync(Actor actor, CancellationToken ct = default)
    {
        var items = new List<WaitlistEntryView>();
        foreach (var resourceId in await store.GetWaitlistResourcesOfUserAsync(actor.UserId, ct))
        {
            var entries = await grains.GetGrain<IWaitlistGrain>(resourceId).ListAsync(actor with { IsAdmin = false }, all: false);
            items.AddRange(entries.Select(WaitlistEntryView.From));
        }

        return items.OrderBy(e => e.JoinedAt).ToList();
    }

    /// <summary>Every entry of a resource's waitlist in join order (administrators only).</summary>
    public async Task<Outcome<IReadOnlyList<WaitlistEntryView>>> ListResourceAsync(Actor actor, string resourceId)
    {
        if (Caller.Require(actor, Permission.ReservationsManage) is { } forbidden)
        {
            return forbidden;
        }

        if (!Guid.TryParse(resourceId, out var id) || await grains.GetGrain<IResourceGrain>(id).GetAsync() is null)
        {
            return DomainError.NotFound(ProblemCode.ResourceNotFound, "No such resource.");
        }

        var entries = await grains.GetGrain<IWaitlistGrain>(id).ListAsync(actor, all: true);
        return Outcome<IReadOnlyList<WaitlistEntryView>>.Ok(entries.Select(WaitlistEntryView.From).ToList());
    }

    /// <summary>One entry with its position.</summary>
    public Task<Outcome<WaitlistEntryView>> GetAsync(Actor actor, string id, CancellationToken ct = default) =>
        ActAsync(id, (w, entry) => w.GetAsync(entry, actor), ct);

    /// <summary>Leaves the queue; a standing offer passes on.</summary>
    public Task<Outcome<WaitlistEntryView>> LeaveAsync(Actor actor, string id, CancellationToken ct = default) =>
        ActAsync(id, (w, entry) => w.LeaveAsync(entry, actor), ct);

    /// <summary>Books the standing offer exactly once.</summary>
    public async Task<Outcome<WaitlistEntryView>> AcceptAsync(Actor actor, string id, CancellationToken ct = default) =>
        Caller.Require(actor, Permission.ReservationsBook) is { } mayNotBook
            ? mayNotBook
            : await ActAsync(id, (w, entry) => w.AcceptAsync(entry, actor), ct);

    /// <summary>Declines the standing offer; it passes to the next eligible entry.</summary>
    public Task<Outcome<WaitlistEntryView>> DeclineAsync(Actor actor, string id, CancellationToken ct = default) =>
        ActAsync(id, (w, entry) => w.DeclineAsync(entry, actor), ct);

    private async Task<Outcome<WaitlistEntryView>> ActAsync(
        string id, Func<IWaitlistGrain, Guid, Task<Outcome<WaitlistEntry>>> act, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var entryId) || await store.GetWaitlistResourceAsync(entryId, ct) is not { } resourceId)
        {
            return DomainError.NotFound(ProblemCode.WaitlistEntryNotFound, "No such waitlist entry.");
        }

        var outcome = await act(grains.GetGrain<IWaitlistGrain>(resourceId), entryId);
        return outcome.IsSuccess ? WaitlistEntryView.From(outcome.Value!) : outcome.Error!;
    }
}
