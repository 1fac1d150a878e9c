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

    /// <summary>Checks the password (counting failures towards lockout) and issues a new refresh-token family.</summary>
    [Alias("SignIn")]
    Task<Outcome<TokenGrant>> SignInAsync(string password);

    /// <summary>Rotates a refresh token; a reused one revokes its whole family.</summary>
    [Alias("Refresh")]
    Task<Outcome<TokenGrant>> RefreshAsync(string refreshToken);

    /// <summary>Revokes every refresh-token family of the account.</summary>
    [Alias("SignOut")]
    Task SignOutAsync();

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
