using ResourceReserver.Contracts;
using ResourceReserver.Grains;

namespace ResourceReserver.Host.Application;

/// <summary>
/// Daily booking quotas: the own quota, and an administrator's per-user override. The count itself is kept and
/// enforced by <see cref="IBookingQuotaGrain"/>, which the resource grain asks before every booking decision.
/// </summary>
public sealed class QuotaService(IGrainFactory grains)
{
    /// <summary>The largest override accepted.</summary>
    public const int MaxDailyBookings = 100_000;

    /// <summary>The actor's own quota.</summary>
    public async Task<Outcome<QuotaView>> GetMineAsync(Actor actor) => View(await grains.GetGrain<IBookingQuotaGrain>(actor.UserId).GetAsync());

    /// <summary>Sets (or, with null, clears) a user's own daily limit.</summary>
    public async Task<Outcome<QuotaView>> SetAsync(Actor actor, string id, SetQuotaRequest request)
    {
        if (Caller.Require(actor, Permission.UsersManage) is { } forbidden)
        {
            return forbidden;
        }

        if (request.DailyBookings is < 0 or > MaxDailyBookings)
        {
            return Refusal.Invalid("dailyBookings", $"dailyBookings must be a whole number from 0 to {MaxDailyBookings}, or null for the tier default.");
        }

        if (!Guid.TryParse(id, out var userId) || await grains.GetGrain<IUserGrain>(userId).GetProfileAsync() is not { Status: not UserStatus.Deleted })
        {
            return DomainError.NotFound("user_not_found", "The account does not exist.");
        }

        return View(await grains.GetGrain<IBookingQuotaGrain>(userId).SetOverrideAsync(request.DailyBookings));
    }

    private static QuotaView View(QuotaStatus status) => new(status.Tier, status.DailyBookings, status.UsedToday, status.ResetsAt);
}
