using ResourceReserver.Audit;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Application;

public sealed partial class UserAdminService
{
    /// <summary>
    /// Deletes an account: its future reservations are cancelled (on behalf of the deleting administrator), its
    /// personal data, credentials, sessions, MFA and OAuth2 clients are erased, its username and calendar feed URL
    /// stop working, and its past reservations and their history stay, owned by "deleted user".
    /// </summary>
    public async Task<Outcome<bool>> DeleteAsync(Actor actor, string id, CancellationToken ct = default)
    {
        var target = await AdministrableAsync(actor, id);
        if (!target.IsSuccess)
        {
            return target.Error!;
        }

        var user = target.Value!;
        var clients = await grains.GetGrain<IUserGrain>(user.Id).GetClientIdsAsync();
        var erased = await Roles.EraseUserAsync(user.Id);
        if (!erased.IsSuccess)
        {
            return erased.Error!;
        }

        await grains.GetGrain<INameDirectoryGrain>(INameDirectoryGrain.Usernames).ReleaseAsync(user.Username, user.Id);
        await DeleteClientsAsync(clients);
        await calendars.RotateAsync(user.Id, clock.GetUtcNow(),
            AuditEntry.Of(AuditActions.CalendarFeedRotated, clock.GetUtcNow(), entityType: "user", entityId: user.Id.ToString(), detail: "the account was deleted"), ct);
        await CancelFutureReservationsAsync(actor, user.Id, ct);
        return true;
    }

    private async Task CancelFutureReservationsAsync(Actor actor, Guid userId, CancellationToken ct)
    {
        var onBehalf = Actor.With(actor.UserId, Permission.ReservationsManage);
        string? cursor = null;
        do
        {
            var page = await reservations.ListAsync(onBehalf, new ReservationQuery(userId.ToString(), null, ApiInstant(clock.GetUtcNow()), null, "confirmed", "100", cursor), ct);
            if (!page.IsSuccess)
            {
                return;
            }

            foreach (var reservation in page.Value!.Items)
            {
                await reservations.CancelAsync(onBehalf, reservation.Id.ToString(), "The account was deleted.", ct);
            }

            cursor = page.Value.NextCursor;
        }
        while (cursor is not null);
    }

    private async Task DeleteClientsAsync(IReadOnlyList<string> clients)
    {
        foreach (var client in clients)
        {
            await grains.GetGrain<IOAuthClientGrain>(client).DeleteAsync();
        }
    }

    private static string ApiInstant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
