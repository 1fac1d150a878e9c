using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Apis;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Application;

/// <summary>
/// Approval requests for their approvers: listing what they may decide, and approving or rejecting, which the
/// resource grain decides (<c>ApprovalDecisions</c>) so a decision never races a booking.
/// </summary>
public sealed class ApprovalService(IGrainFactory grains, SqlReadStore store, EventLog users)
{
    /// <summary>The API status of a request waiting for approval.</summary>
    public const string PendingStatus = "pending_approval";

    /// <summary>
    /// Requests the actor may decide, by start time: <c>pending</c> (the default), <c>approved</c> (still confirmed)
    /// or <c>rejected</c>. A page holds the stored page's requests the actor may decide, so it may be shorter than
    /// <paramref name="limit"/> while a next cursor remains. Each names its requester and its resource with that resource's zone.
    /// </summary>
    public async Task<Outcome<Page<ApprovalRequestView>>> ListAsync(Actor actor, string? status, string? limit, string? cursor, CancellationToken ct = default)
    {
        var stored = status?.ToLowerInvariant() switch
        {
            null or "pending" => ReservationStatus.PendingApproval,
            "approved" => ReservationStatus.Confirmed,
            "rejected" => ReservationStatus.Rejected,
            _ => (ReservationStatus?)null,
        };
        if (stored is not { } storedStatus)
        {
            return Refusal.Invalid("status", "status must be pending, approved or rejected.");
        }

        if (Paging.Limit(limit) is not { } pageSize)
        {
            return Refusal.InvalidLimit();
        }

        if (cursor is not null && !Cursor.TryDecode(cursor, out _, out _))
        {
            return Refusal.Invalid("cursor", "Unknown cursor.");
        }

        var page = await store.ListReservationsAsync(
            new ReservationFilter(null, null, null, null, SqlReadStore.StatusText(storedStatus), pageSize, cursor), ct);
        var resources = new Dictionary<Guid, ResourceSnapshot?>();
        var requesters = new Dictionary<Guid, string>();
        var items = new List<ApprovalRequestView>();
        foreach (var reservation in page.Items)
        {
            // Confirmed reservations that never waited for a decision are not approvals.
            if (storedStatus == ReservationStatus.Confirmed && reservation.DecidedBy is null)
            {
                continue;
            }

            if (!resources.TryGetValue(reservation.ResourceId, out var resource))
            {
                resources[reservation.ResourceId] = resource = await grains.GetGrain<IResourceGrain>(reservation.ResourceId).GetAsync();
            }

            if (resource?.Details.Rules.MayDecide(actor) != true)
            {
                continue;
            }

            if (!requesters.TryGetValue(reservation.UserId, out var requester))
            {
                requesters[reservation.UserId] = requester = (await users.GetUserAsync(reservation.UserId, ct))?.Username ?? reservation.UserId.ToString();
            }

            var view = ReservationView.From(reservation);
            items.Add(new ApprovalRequestView(
                view.Id, view.ResourceId, view.UserId, view.Start, view.End, view.Quantity, view.Title, view.Notes, view.Status,
                view.CreatedAt, view.UpdatedAt, view.ApprovalExpiresAt, view.DecidedBy, view.DecisionMessage,
                requester, resource.Details.Name, resource.Details.TimeZone));
        }

        return new Page<ApprovalRequestView>(items, page.NextCursor);
    }

    /// <summary>Approves a pending request: it becomes confirmed on the capacity it held.</summary>
    public Task<Outcome<ReservationView>> ApproveAsync(Actor actor, string id, string? message, CancellationToken ct = default) =>
        DecideAsync(actor, id, ct, (grain, reservationId) => grain.ApproveAsync(reservationId, actor, message));

    /// <summary>Rejects a pending request with a message for the requester; its capacity goes to the waitlist.</summary>
    public Task<Outcome<ReservationView>> RejectAsync(Actor actor, string id, string? message, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(message)
            ? Task.FromResult<Outcome<ReservationView>>(Refusal.Invalid("message", "A rejection needs a message for the requester."))
            : DecideAsync(actor, id, ct, (grain, reservationId) => grain.RejectAsync(reservationId, actor, message));

    private async Task<Outcome<ReservationView>> DecideAsync(
        Actor actor, string id, CancellationToken ct, Func<IResourceGrain, Guid, Task<Outcome<Reservation>>> decide)
    {
        if (!Guid.TryParse(id, out var reservationId) || await store.GetReservationAsync(reservationId, ct) is not { } reservation)
        {
            return DomainError.NotFound(ProblemCode.ReservationNotFound, "No such reservation.");
        }

        var grain = grains.GetGrain<IResourceGrain>(reservation.ResourceId);
        if ((await grain.GetAsync())?.Details.Rules is not { } rules || !rules.MayDecide(actor))
        {
            return DomainError.Forbidden("Only this resource's approvers may decide its requests.");
        }

        var outcome = await decide(grain, reservation.Id);
        if (outcome.IsSuccess)
        {
            return ReservationView.From(outcome.Value!);
        }

        // The grain lets go of decided and expired requests; the stored row still says what became of them.
        return outcome.Error!.Code == ProblemCode.ReservationNotFound
            ? DomainError.Conflict(ProblemCode.NotPendingApproval, "The request is no longer waiting for approval.")
            : outcome.Error;
    }
}
