using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Apis;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Application;

/// <summary>Holds: short tentative reservations that block a slot until confirmed, released, or lapsed.</summary>
public sealed class HoldService(IGrainFactory grains, SqlReadStore store)
{
    /// <summary>Holds capacity for the actor under the same checks as a booking.</summary>
    public async Task<Outcome<HoldView>> PlaceAsync(Actor actor, CreateHoldRequest request)
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
            return Refusal.Fields(errors);
        }

        var hold = new HoldRequest(Guid.CreateVersion7(), actor.UserId, request.Start!.Value, request.End!.Value, request.Quantity ?? 1);
        var outcome = await grains.GetGrain<IResourceHoldsGrain>(resourceId).PlaceHoldAsync(hold);
        return outcome.IsSuccess ? HoldView.From(outcome.Value!) : outcome.Error!;
    }

    /// <summary>A standing hold of the actor (or any, for an administrator).</summary>
    public async Task<Outcome<HoldView>> GetAsync(Actor actor, string id, CancellationToken ct = default)
    {
        var (reservation, problem) = await FindOwnAsync(actor, id, ct);
        if (reservation is null)
        {
            return problem!;
        }

        return await grains.GetGrain<IResourceHoldsGrain>(reservation.ResourceId).GetHoldAsync(reservation.Id) is { IsOffer: false } hold
            ? HoldView.From(hold)
            : NotFound();
    }

    /// <summary>Turns the hold into a confirmed reservation with the hold's id.</summary>
    public async Task<Outcome<ReservationView>> ConfirmAsync(Actor actor, string id, CancellationToken ct = default)
    {
        if (Caller.Require(actor, Permission.ReservationsBook) is { } mayNotBook)
        {
            return mayNotBook;
        }

        var (reservation, problem) = await FindOwnAsync(actor, id, ct);
        if (reservation is null)
        {
            return problem!;
        }

        var outcome = await grains.GetGrain<IResourceHoldsGrain>(reservation.ResourceId).ConfirmHoldAsync(reservation.Id, actor);
        if (!outcome.IsSuccess && outcome.Error!.Code == ProblemCode.HoldNotFound && reservation.Status == ReservationStatus.Expired)
        {
            return new DomainError(ErrorKind.Gone, ProblemCode.HoldExpired, "The hold has lapsed.");
        }

        return outcome.IsSuccess ? ReservationView.From(outcome.Value!) : outcome.Error!;
    }

    /// <summary>Releases the hold before it lapses.</summary>
    public async Task<Outcome<bool>> ReleaseAsync(Actor actor, string id, CancellationToken ct = default)
    {
        var (reservation, problem) = await FindOwnAsync(actor, id, ct);
        if (reservation is null)
        {
            return problem!;
        }

        var outcome = await grains.GetGrain<IResourceHoldsGrain>(reservation.ResourceId).ReleaseHoldAsync(reservation.Id, actor);
        return outcome.IsSuccess ? true : outcome.Error!;
    }

    /// <summary>How long the resource's holds and offers stand.</summary>
    public async Task<Outcome<HoldTiming>> GetTimingAsync(string id)
    {
        if (!Guid.TryParse(id, out var resourceId) || await grains.GetGrain<IResourceGrain>(resourceId).GetAsync() is null)
        {
            return ResourceNotFound();
        }

        return await grains.GetGrain<IResourceHoldsGrain>(resourceId).GetHoldTimingAsync();
    }

    /// <summary>Changes how long the resource's holds and offers stand (administrators only).</summary>
    public async Task<Outcome<HoldTiming>> SetTimingAsync(Actor actor, string id, HoldTimingRequest request)
    {
        if (Caller.Require(actor, Permission.ResourcesManage) is { } forbidden)
        {
            return forbidden;
        }

        if (!Guid.TryParse(id, out var resourceId))
        {
            return ResourceNotFound();
        }

        var grain = grains.GetGrain<IResourceHoldsGrain>(resourceId);
        var current = await grain.GetHoldTimingAsync();
        var timing = current with
        {
            HoldDuration = request.HoldDuration ?? current.HoldDuration,
            OfferWindow = request.OfferWindow ?? current.OfferWindow,
        };
        // The resource grain asks for IsAdmin here; what it stands for (resources.manage) was checked above.
        return await grain.SetHoldTimingAsync(timing, actor with { IsAdmin = true });
    }

    /// <summary>Finds a hold (projected as a reservation) the actor may act on: its owner or an administrator.</summary>
    private async Task<(Reservation?, DomainError?)> FindOwnAsync(Actor actor, string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var holdId) || await store.GetReservationAsync(holdId, ct) is not { } reservation)
        {
            return (null, NotFound());
        }

        return reservation.UserId == actor.UserId || actor.IsAdmin
            ? (reservation, null)
            : (null, DomainError.Forbidden("This hold belongs to someone else."));
    }

    private static DomainError NotFound() => DomainError.NotFound(ProblemCode.HoldNotFound, "No such hold.");

    private static DomainError ResourceNotFound() => DomainError.NotFound(ProblemCode.ResourceNotFound, "No such resource.");
}
