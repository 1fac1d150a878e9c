using System.Net.Mail;
using Microsoft.Extensions.Options;
using ResourceReserver.Accounts;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Apis;

namespace ResourceReserver.Host.Application;

/// <summary>
/// Accounts: registration, password sign-in, refresh, sign-out, the own profile, permissions and password. Used by the
/// REST API and the web UI.
/// </summary>
public sealed class AccountService(IGrainFactory grains, IOptions<PasswordHashingOptions> hashing)
{
    // Verified against when the username is unknown, so both paths cost one BCrypt verification of the same work
    // factor as real accounts (made once per host, with the configured factor).
    private readonly Lazy<string> _dummyHash = new(() => BCrypt.Net.BCrypt.EnhancedHashPassword(Convert.ToBase64String(Guid.NewGuid().ToByteArray()), hashing.Value.WorkFactor));

    /// <summary>The hash an unknown username's password is checked against (its cost is the configured work factor).</summary>
    internal string DummyHash => _dummyHash.Value;

    /// <summary>Creates an account; the first account ever becomes administrator.</summary>
    public async Task<Outcome<RegisteredUser>> RegisterAsync(RegisterRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (PasswordPolicy.CheckUsername(request.Username) is { } usernameProblem)
        {
            errors["username"] = [usernameProblem];
        }

        if (PasswordPolicy.Check(request.Password, request.Username) is { Count: > 0 } passwordProblems)
        {
            errors["password"] = passwordProblems.ToArray();
        }

        if (request.Email is { } email && (email.Length > 254 || !MailAddress.TryCreate(email, out _)))
        {
            errors["email"] = ["Not a valid e-mail address."];
        }

        if (errors.Count > 0)
        {
            return Refusal.Fields(errors);
        }

        var userId = Guid.CreateVersion7();
        var directory = grains.GetGrain<INameDirectoryGrain>(INameDirectoryGrain.Usernames);
        var claim = await directory.ClaimAsync(request.Username!, userId);
        if (!claim.Granted)
        {
            return DomainError.Conflict("username_taken", "That username is taken.");
        }

        string[] roles = claim.FirstEver ? [Roles.Admin, Roles.User] : [Roles.User];
        var outcome = await grains.GetGrain<IUserGrain>(userId).RegisterAsync(request.Username!, request.Password!, request.Email, roles);
        if (!outcome.IsSuccess)
        {
            await directory.ReleaseAsync(request.Username!, userId);
            return outcome.Error!;
        }

        var user = outcome.Value!;
        if (user.Roles.Contains(Roles.Admin))
        {
            // Only the first account starts as admin; the directory must count it before anyone can demote it.
            await grains.GetGrain<IRoleDirectoryGrain>(IRoleDirectoryGrain.Key).NoteMemberAsync(user.Id);
        }
        return new RegisteredUser(user.Id, user.Username, user.Roles);
    }

    /// <summary>
    /// Checks a username, password and, with MFA on, the code (lockout counted by the user grain) and starts a session
    /// (a refresh-token family).
    /// </summary>
    public async Task<Outcome<TokenGrant>> PasswordSignInAsync(string? username, string? password, string? mfaCode = null)
    {
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password) || username.Length > 50 || password.Length > 128)
        {
            return InvalidCredentials();
        }

        var userId = await grains.GetGrain<INameDirectoryGrain>(INameDirectoryGrain.Usernames).FindAsync(username);
        if (userId is null)
        {
            BCrypt.Net.BCrypt.EnhancedVerify(password, DummyHash);
            return InvalidCredentials();
        }

        return await grains.GetGrain<IUserGrain>(userId.Value).SignInAsync(password, mfaCode is { Length: > 64 } ? "" : mfaCode);
    }

    /// <summary>Rotates a refresh token.</summary>
    public async Task<Outcome<TokenGrant>> RefreshAsync(string? refreshToken) =>
        RefreshToken.TryParse(refreshToken, out var owner, out _)
            ? await grains.GetGrain<IUserGrain>(owner).RefreshAsync(refreshToken!)
            : new DomainError(ErrorKind.Unauthorized, "invalid_grant", "The refresh token is invalid, expired or revoked.");

    /// <summary>Revokes every session of the actor's account.</summary>
    public Task SignOutAsync(Actor actor) => grains.GetGrain<IUserGrain>(actor.UserId).SignOutAsync();

    /// <summary>The session (refresh-token family) a token belongs to.</summary>
    public static Guid? SessionOf(string refreshToken) => RefreshToken.TryParse(refreshToken, out _, out var family) ? family : null;

    /// <summary>The actor's roles and the permissions they add up to.</summary>
    public async Task<Outcome<MyPermissions>> GetPermissionsAsync(Actor actor) =>
        await grains.GetGrain<IUserGrain>(actor.UserId).GetProfileAsync() is { Status: not UserStatus.Deleted } profile
            ? new MyPermissions(profile.Roles, PermissionNames.Of(actor.Permissions))
            : UserNotFound();

    /// <summary>Changes the actor's password; every other session ends (<paramref name="currentSession"/> stays).</summary>
    public async Task<Outcome<bool>> ChangePasswordAsync(Actor actor, Guid? currentSession, ChangePasswordRequest request)
    {
        if (string.IsNullOrEmpty(request.CurrentPassword) || request.CurrentPassword.Length > 128)
        {
            return Refusal.Invalid("currentPassword", "currentPassword is required.");
        }

        if (PasswordPolicy.Check(request.NewPassword, null) is { Count: > 0 } problems)
        {
            return Refusal.Fields(new Dictionary<string, string[]> { ["newPassword"] = problems.ToArray() });
        }

        return await grains.GetGrain<IUserGrain>(actor.UserId).ChangePasswordAsync(request.CurrentPassword, request.NewPassword!, currentSession);
    }

    /// <summary>The actor's profile.</summary>
    public async Task<Outcome<UserProfile>> GetProfileAsync(Actor actor) =>
        await grains.GetGrain<IUserGrain>(actor.UserId).GetProfileAsync() is { } profile ? profile : UserNotFound();

    /// <summary>Changes the actor's e-mail and preferences.</summary>
    public async Task<Outcome<UserProfile>> UpdateProfileAsync(Actor actor, UpdateProfileRequest request)
    {
        if (request.Email is { Length: > 0 } email && (email.Length > 254 || !MailAddress.TryCreate(email, out _)))
        {
            return Refusal.Invalid("email", "Not a valid e-mail address.");
        }

        if (request.ReminderLeadTimesHours is { } leads && (leads.Count > 5 || leads.Any(h => h is < 1 or > 168)))
        {
            return Refusal.Invalid("reminderLeadTimesHours", "Up to 5 lead times, each between 1 and 168 hours.");
        }

        var grain = grains.GetGrain<IUserGrain>(actor.UserId);
        if (await grain.GetProfileAsync() is not { } current)
        {
            return UserNotFound();
        }

        var preferences = current.Preferences with
        {
            EmailNotifications = request.EmailNotifications ?? current.Preferences.EmailNotifications,
            ReminderLeadTimesHours = request.ReminderLeadTimesHours?.Distinct().OrderDescending().ToList() ?? current.Preferences.ReminderLeadTimesHours,
        };
        return await grain.UpdateProfileAsync(new ProfilePatch
        {
            Email = string.IsNullOrEmpty(request.Email) ? null : request.Email,
            ClearEmail = request.Email == "",
            Preferences = preferences,
        });
    }

    private static DomainError InvalidCredentials() => new(ErrorKind.Unauthorized, "invalid_credentials", "The username or password is wrong.");

    private static DomainError UserNotFound() => DomainError.NotFound("user_not_found", "The account no longer exists.");
}
