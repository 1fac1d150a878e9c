using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Apis;

public static partial class ReservationsApi
{
    private static async Task<Results<Ok<Page<ReservationView>>, ProblemHttpResult>> ListAsync(
        HttpContext http, SqlReadStore store, string? userId, string? resourceId, string? from, string? until, string? status, string? limit, string? cursor)
    {
        var actor = http.User.Actor();
        Guid? owner = actor.UserId;
        if (userId is not null)
        {
            if (!Guid.TryParse(userId, out var requested))
            {
                return Problem.Invalid("userId", "userId must be a user id.");
            }

            if (requested != actor.UserId && !actor.IsAdmin)
            {
                return Problem.Of(403, "forbidden", "Only administrators may list other users' reservations.");
            }

            owner = requested;
        }

        Guid? resource = null;
        if (resourceId is not null)
        {
            if (!Guid.TryParse(resourceId, out var parsed))
            {
                return Problem.Invalid("resourceId", "resourceId must be a resource id.");
            }

            resource = parsed;

            // An administrator asking by resource sees everyone's bookings of it; a user only their own.
            if (actor.IsAdmin && userId is null)
            {
                owner = null;
            }
        }

        if (Paging.Limit(limit) is not { } pageSize)
        {
            return Paging.InvalidLimit();
        }

        if (!Instants.TryParseOptional(from, out var fromInstant) || !Instants.TryParseOptional(until, out var untilInstant))
        {
            return Problem.Invalid("from", "from and until must be ISO 8601 instants with an offset.");
        }

        if (status is not null && !EnumText.TryParse<ReservationStatus>(status, out _))
        {
            return Problem.Invalid("status", "status must be confirmed, cancelled, completed or expired.");
        }

        if (cursor is not null && !Cursor.TryDecode(cursor, out _, out _))
        {
            return Problem.Invalid("cursor", "Unknown cursor.");
        }

        var page = await store.ListReservationsAsync(
            new ReservationFilter(owner, resource, fromInstant, untilInstant, status?.ToLowerInvariant(), pageSize, cursor), http.RequestAborted);
        return TypedResults.Ok(new Page<ReservationView>(page.Items.Select(ReservationView.From).ToList(), page.NextCursor));
    }
}
