using Orleans.Concurrency;
using ResourceReserver.Contracts;

namespace ResourceReserver.Grains;

/// <summary>One account: credentials hash, roles, preferences, refresh-token families and lockout.</summary>
[Alias("rr.IUserGrain")]
public interface IUserGrain : IGrainWithGuidKey
{
    /// <summary>Creates the account with a password already checked against the policy.</summary>
    [Alias("Register")]
    Task<Outcome<UserProfile>> RegisterAsync(string username, string password, string? email, IReadOnlyList<string> roles);

    /// <summary>
    /// Checks the password and, with MFA on, the TOTP or backup code (wrong ones count towards lockout), then issues
    /// a new refresh-token family.
    /// </summary>
    [Alias("SignInMfa")]
    Task<Outcome<TokenGrant>> SignInAsync(string password, string? mfaCode);

    /// <summary>Rotates a refresh token; a reused one revokes its whole family.</summary>
    [Alias("Refresh")]
    Task<Outcome<TokenGrant>> RefreshAsync(string refreshToken);

    /// <summary>Revokes every refresh-token family of the account.</summary>
    [Alias("SignOut")]
    Task SignOutAsync();

    /// <summary>
    /// The roles while the account is active and, when <paramref name="sessionId"/> is given, that session is live;
    /// else null. Asked on every authenticated request.
    /// </summary>
    [Alias("GetAccess"), ReadOnly]
    Task<UserAccess?> GetAccessAsync(Guid? sessionId);

    /// <summary>Changes the password after checking the current one; every session but <paramref name="keepSession"/> ends.</summary>
    [Alias("ChangePassword")]
    Task<Outcome<bool>> ChangePasswordAsync(string currentPassword, string newPassword, Guid? keepSession);

    /// <summary>An administrator's or operator's reset: sets the password, lifts a lockout and ends every session.</summary>
    [Alias("ResetPassword")]
    Task<Outcome<bool>> ResetPasswordAsync(string newPassword);

    /// <summary>Replaces the roles (decided by the role directory, which guards the last administrator).</summary>
    [Alias("SetRoles")]
    Task<Outcome<UserProfile>> SetRolesAsync(IReadOnlyList<string> roles);

    /// <summary>Enables or disables the account; disabling ends every session, enabling lifts a lockout.</summary>
    [Alias("SetStatus")]
    Task<Outcome<UserProfile>> SetStatusAsync(string status);

    /// <summary>Erases personal data and credentials; the account stays as "deleted user" for history.</summary>
    [Alias("Erase")]
    Task<Outcome<UserProfile>> EraseAsync();

    /// <summary>Starts (or restarts) MFA enrolment: a new secret and backup codes, not active until enabled.</summary>
    [Alias("BeginMfaSetup")]
    Task<Outcome<MfaEnrolment>> BeginMfaSetupAsync();

    /// <summary>Turns MFA on once a current code of the pending secret verifies.</summary>
    [Alias("EnableMfa")]
    Task<Outcome<bool>> EnableMfaAsync(string code);

    /// <summary>Turns MFA off; needs the password and a current code (or a backup code).</summary>
    [Alias("DisableMfa")]
    Task<Outcome<bool>> DisableMfaAsync(string password, string code);

    /// <summary>Replaces the backup codes after a current code verifies; the old ones stop working.</summary>
    [Alias("RegenerateBackupCodes")]
    Task<Outcome<IReadOnlyList<string>>> RegenerateBackupCodesAsync(string code);

    /// <summary>Turns MFA off without a code (an administrator helping a locked-out user).</summary>
    [Alias("ResetMfa")]
    Task<Outcome<UserProfile>> ResetMfaAsync();

    /// <summary>The OAuth2 clients this account owns.</summary>
    [Alias("GetClients"), ReadOnly]
    Task<IReadOnlyList<string>> GetClientIdsAsync();

    /// <summary>Records (or forgets) an OAuth2 client this account owns.</summary>
    [Alias("SetClientOwned")]
    Task SetClientOwnedAsync(string clientId, bool owned);

    /// <summary>True while the refresh-token family (a signed-in session) exists and has not expired.</summary>
    [Alias("HasSession"), ReadOnly]
    Task<bool> HasSessionAsync(Guid familyId);

    /// <summary>
    /// Binds a booking Idempotency-Key to the resource it was first used for and returns that resource, so the
    /// same key can never book twice, even on two different resources.
    /// </summary>
    [Alias("BindIdempotencyKey")]
    Task<Guid> BindIdempotencyKeyAsync(string key, Guid resourceId);

    /// <summary>The profile, or null if there is no such account.</summary>
    [Alias("GetProfile"), ReadOnly]
    Task<UserProfile?> GetProfileAsync();

    /// <summary>Updates e-mail and preferences.</summary>
    [Alias("UpdateProfile")]
    Task<Outcome<UserProfile>> UpdateProfileAsync(ProfilePatch patch);
}
