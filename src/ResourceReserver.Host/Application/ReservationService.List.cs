using ResourceReserver.Contracts;
using ResourceReserver.Host.Apis;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Application;

public sealed partial class ReservationService
{
    /// <summary>
    /// The actor's reservations; an administrator may ask for another user's, or, by resource, for everyone's.
    /// </summary>
    public async Task<Outcome<Page<ReservationView>>> ListAsync(Actor actor, ReservationQuery query, CancellationToken ct = default)
    {
        var outcome = await FindAsync(actor, query, ct);
        return outcome.IsSuccess ? new Page<ReservationView>(outcome.Value!.Items.Select(ReservationView.From).ToList(), outcome.Value.NextCursor) : outcome.Error!;
    }

    /// <summary>As <see cref="ListAsync"/>, as the stored reservations (with their series id), for the web UI.</summary>
    public async Task<Outcome<Page<Reservation>>> FindAsync(Actor actor, ReservationQuery query, CancellationToken ct = default)
    {
        Guid? owner = actor.UserId;
        if (query.UserId is not null)
        {
            if (!Guid.TryParse(query.UserId, out var requested))
            {
                return Refusal.Invalid("userId", "userId must be a user id.");
            }

            if (requested != actor.UserId && !actor.IsAdmin)
            {
                return DomainError.Forbidden("Only administrators may list other users' reservations.");
            }

            owner = requested;
        }

        Guid? resource = null;
        if (query.ResourceId is not null)
        {
            if (!Guid.TryParse(query.ResourceId, out var parsed))
            {
                return Refusal.Invalid("resourceId", "resourceId must be a resource id.");
            }

            resource = parsed;

            // An administrator asking by resource sees everyone's bookings of it; a user only their own.
            if (actor.IsAdmin && query.UserId is null)
            {
                owner = null;
            }
        }

        if (Paging.Limit(query.Limit) is not { } pageSize)
        {
            return Refusal.InvalidLimit();
        }

        if (!Instants.TryParseOptional(query.From, out var fromInstant) || !Instants.TryParseOptional(query.Until, out var untilInstant))
        {
            return Refusal.Invalid("from", "from and until must be ISO 8601 instants with an offset.");
        }

        ReservationStatus? status = null;
        if (query.Status is not null)
        {
            if (!EnumText.TryParse<ReservationStatus>(query.Status, out var parsedStatus))
            {
                return Refusal.Invalid("status", "status must be confirmed, cancelled, completed, expired, held, pending_approval or rejected.");
            }

            status = parsedStatus;
        }

        if (query.Cursor is not null && !Cursor.TryDecode(query.Cursor, out _, out _))
        {
            return Refusal.Invalid("cursor", "Unknown cursor.");
        }

        var page = await store.ListReservationsAsync(
            new ReservationFilter(owner, resource, fromInstant, untilInstant, status is { } s ? SqlReadStore.StatusText(s) : null, pageSize, query.Cursor), ct);
        return page;
    }
}
