using ResourceReserver.Accounts;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Apis;
using ResourceReserver.Host.Auth;
using ResourceReserver.Infrastructure.Accounts;

namespace ResourceReserver.Host.Application;

/// <summary>
/// User administration (users.manage): list, roles, enable/disable, password reset, MFA reset and deletion. Role and
/// status changes go through the role directory, the one place that guards the last active administrator. Nobody
/// administers an account holding permissions they lack, nor hands out a role granting more than they hold.
/// </summary>
public sealed partial class UserAdminService(IGrainFactory grains, UserDirectory directory, AccessResolver access, ReservationService reservations,
    Infrastructure.Calendar.CalendarFeedStore calendars, TimeProvider clock)
{
    private IRoleDirectoryGrain Roles => grains.GetGrain<IRoleDirectoryGrain>(IRoleDirectoryGrain.Key);

    /// <summary>Accounts by username, filtered by <c>q</c> (username or e-mail), role and status.</summary>
    public async Task<Outcome<UserPage>> ListAsync(Actor actor, string? q, string? role, string? status, string? limit, string? cursor, CancellationToken ct = default)
    {
        if (Caller.Require(actor, Permission.UsersManage) is { } forbidden)
        {
            return forbidden;
        }

        if (Paging.Limit(limit) is not { } pageSize)
        {
            return Refusal.InvalidLimit();
        }

        if (status is not (null or UserStatus.Active or UserStatus.Disabled))
        {
            return Refusal.Invalid("status", "status must be active or disabled.");
        }

        if (q?.Length > 100 || role?.Length > 40)
        {
            return Refusal.Invalid(q?.Length > 100 ? "q" : "role", "Too long.");
        }

        var page = await directory.ListAsync(new UserFilter(q, role, status, pageSize, cursor), ct);
        return new UserPage(page.Items.Select(Summary).ToList(), page.NextCursor);
    }

    /// <summary>One account.</summary>
    public async Task<Outcome<UserSummary>> GetAsync(Actor actor, string id) =>
        Caller.Require(actor, Permission.UsersManage) is { } forbidden ? forbidden : Shaped(await FindAsync(id));

    /// <summary>Gives a user a role; by id or, with <paramref name="byName"/>, by username.</summary>
    public async Task<Outcome<UserSummary>> AssignRoleAsync(Actor actor, string user, AssignRoleRequest request, bool byName = false)
    {
        if (Caller.Require(actor, Permission.UsersManage) is { } forbidden)
        {
            return forbidden;
        }

        var target = byName ? await FindByNameAsync(user) : await FindAsync(user);
        if (!target.IsSuccess)
        {
            return target.Error!;
        }

        var catalog = await access.CatalogAsync();
        if (catalog.Roles.FirstOrDefault(r => r.Name == request.Role) is not { } role)
        {
            return request.Role is null
                ? Refusal.Invalid("role", "role is required.")
                : DomainError.NotFound(ProblemCode.RoleNotFound, $"There is no role named '{request.Role}'.");
        }

        return Caller.RequireAll(actor, role.Permissions) is { } beyond ? beyond : Shaped(await Roles.AssignRoleAsync(target.Value!.Id, role.Name));
    }

    /// <summary>Takes a role from a user; 409 <c>last_admin</c> if no active administrator would remain.</summary>
    public async Task<Outcome<UserSummary>> RemoveRoleAsync(Actor actor, string id, string role)
    {
        var target = await AdministrableAsync(actor, id);
        if (!target.IsSuccess)
        {
            return target.Error!;
        }

        var definition = (await access.CatalogAsync()).Roles.FirstOrDefault(r => r.Name == role);
        if (definition is not null && Caller.RequireAll(actor, definition.Permissions) is { } beyond)
        {
            return beyond;
        }

        return Shaped(await Roles.RemoveRoleAsync(target.Value!.Id, role));
    }

    /// <summary>Disables (ending every session) or enables an account.</summary>
    public async Task<Outcome<UserSummary>> SetStatusAsync(Actor actor, string id, string status)
    {
        var target = await AdministrableAsync(actor, id);
        return target.IsSuccess ? Shaped(await Roles.SetStatusAsync(target.Value!.Id, status)) : target.Error!;
    }

    /// <summary>Sets a new password for a user and ends every session of theirs.</summary>
    public async Task<Outcome<bool>> ResetPasswordAsync(Actor actor, string id, ResetPasswordRequest request)
    {
        var target = await AdministrableAsync(actor, id);
        if (!target.IsSuccess)
        {
            return target.Error!;
        }

        if (PasswordPolicy.Check(request.NewPassword, target.Value!.Username) is { Count: > 0 } problems)
        {
            return Refusal.Fields(new Dictionary<string, string[]> { ["newPassword"] = problems.ToArray() });
        }

        return await grains.GetGrain<IUserGrain>(target.Value.Id).ResetPasswordAsync(request.NewPassword!);
    }

    /// <summary>Turns MFA off for a user who lost their authenticator (and lifts a lockout).</summary>
    public async Task<Outcome<UserSummary>> ResetMfaAsync(Actor actor, string id)
    {
        var target = await AdministrableAsync(actor, id);
        return target.IsSuccess ? Shaped(await grains.GetGrain<IUserGrain>(target.Value!.Id).ResetMfaAsync()) : target.Error!;
    }

    /// <summary>The administration view of a profile.</summary>
    public static UserSummary Summary(UserProfile user) =>
        new(user.Id, user.Username, user.Email, user.Roles, user.Status, user.MfaEnabled, user.CreatedAt, user.LastLoginAt);

    /// <summary>The live account <paramref name="id"/>, if the actor manages users and holds every permission it has.</summary>
    private async Task<Outcome<UserProfile>> AdministrableAsync(Actor actor, string id)
    {
        if (Caller.Require(actor, Permission.UsersManage) is { } forbidden)
        {
            return forbidden;
        }

        var target = await FindAsync(id);
        if (!target.IsSuccess)
        {
            return target;
        }

        var held = (await access.CatalogAsync()).PermissionsOf(target.Value!.Roles);
        return Caller.RequireAll(actor, held) is { } beyond ? beyond : target;
    }

    private async Task<Outcome<UserProfile>> FindAsync(string id) =>
        Guid.TryParse(id, out var userId) && await grains.GetGrain<IUserGrain>(userId).GetProfileAsync() is { Status: not UserStatus.Deleted } profile
            ? profile
            : UserNotFound();

    private async Task<Outcome<UserProfile>> FindByNameAsync(string username) =>
        username.Length <= 50 && await grains.GetGrain<INameDirectoryGrain>(INameDirectoryGrain.Usernames).FindAsync(username) is { } id
            ? await FindAsync(id.ToString())
            : UserNotFound();

    private static Outcome<UserSummary> Shaped(Outcome<UserProfile> outcome) => outcome.IsSuccess ? Summary(outcome.Value!) : outcome.Error!;

    private static DomainError UserNotFound() => DomainError.NotFound(ProblemCode.UserNotFound, "There is no such user.");
}
