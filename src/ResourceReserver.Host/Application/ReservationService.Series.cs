using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Apis;
using ResourceReserver.Scheduling;

namespace ResourceReserver.Host.Application;

public sealed partial class ReservationService
{
    /// <summary>Books every occurrence of an RRULE series in one decision: all or nothing, or skipping conflicts.</summary>
    public async Task<Outcome<SeriesView>> BookSeriesAsync(Actor actor, CreateSeriesRequest request)
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
            return Refusal.Fields(errors);
        }

        var series = new SeriesRequest
        {
            SeriesId = Guid.CreateVersion7(),
            UserId = actor.UserId,
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
            return outcome.Error!;
        }

        var result = outcome.Value!;
        return new SeriesView(
            result.SeriesId,
            result.Booked.Select(ReservationView.From).ToList(),
            result.Skipped.Select(s => new SkippedView(s.Start.ToUniversalTime(), s.End.ToUniversalTime(), s.Code)).ToList());
    }

    /// <summary>Cancels one occurrence, it and the following ones, or the whole series.</summary>
    public async Task<Outcome<IReadOnlyList<ReservationView>>> CancelSeriesAsync(Actor actor, string id, CancelSeriesRequest? request, CancellationToken ct = default)
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
            return Refusal.Invalid("scope", "scope is one, following or all (default); the reason may have at most 1000 characters.");
        }

        var (reservation, problem) = await FindOwnAsync(actor, id, ct);
        if (reservation is null)
        {
            return problem!;
        }

        var outcome = await grains.GetGrain<IResourceGrain>(reservation.ResourceId).CancelSeriesAsync(reservation.Id, scope.Value, actor, request?.Reason);
        if (outcome.IsSuccess)
        {
            return Outcome<IReadOnlyList<ReservationView>>.Ok(outcome.Value!.Select(ReservationView.From).ToList());
        }

        return outcome.Error!.Code == ProblemCode.ReservationNotFound
            ? DomainError.Conflict(ProblemCode.ReservationEnded, "The reservation can no longer be cancelled.")
            : outcome.Error;
    }

    /// <summary>Moves or resizes a reservation atomically.</summary>
    public async Task<Outcome<ReservationView>> ChangeAsync(Actor actor, string id, ChangeReservationRequest request, CancellationToken ct = default)
    {
        if (Caller.Require(actor, Permission.ReservationsBook) is { } mayNotBook)
        {
            return mayNotBook;
        }

        if (request.Title?.Length > BookingPolicy.MaxTitleLength || request.Notes?.Length > BookingPolicy.MaxNotesLength)
        {
            return Refusal.Invalid("title", $"The title may have at most {BookingPolicy.MaxTitleLength} characters and the notes {BookingPolicy.MaxNotesLength}.");
        }

        var (reservation, problem) = await FindOwnAsync(actor, id, ct);
        if (reservation is null)
        {
            return problem!;
        }

        var change = new ReservationChange { Start = request.Start, End = request.End, Quantity = request.Quantity, Title = request.Title, Notes = request.Notes };
        var outcome = await grains.GetGrain<IResourceGrain>(reservation.ResourceId).ChangeReservationAsync(reservation.Id, change, actor);
        if (outcome.IsSuccess)
        {
            return ReservationView.From(outcome.Value!);
        }

        return outcome.Error!.Code == ProblemCode.ReservationNotFound ? NoLongerChangeable(reservation, "changed") : outcome.Error;
    }
}
