using ResourceReserver.Accounts;
using ResourceReserver.Events;
using ResourceReserver.Outbox;

namespace ResourceReserver.Users;

/// <summary>The persisted state of a user grain.</summary>
[GenerateSerializer, Alias("rr.UserState")]
public sealed class UserState : IHasOutbox
{
    [Id(0)] public UserProfile? Profile { get; set; }
    [Id(1)] public string? PasswordHash { get; set; }

    /// <summary>Recent failed sign-ins, for the lockout window.</summary>
    [Id(2)] public List<DateTimeOffset> FailedSignIns { get; set; } = [];
    [Id(3)] public DateTimeOffset? LockedUntil { get; set; }
    [Id(4)] public Dictionary<Guid, RefreshFamily> RefreshFamilies { get; set; } = [];
    [Id(5)] public List<DomainEvent> Outbox { get; set; } = [];

    /// <summary>Booking Idempotency-Keys → (resource, expiry); answers themselves live in the resource grain.</summary>
    [Id(6)] public Dictionary<string, KeyBinding> IdempotencyKeys { get; set; } = [];

    /// <summary>The second factor; off until enabled.</summary>
    [Id(7)] public MfaCredential Mfa { get; set; } = new();

    /// <summary>Ids of the OAuth2 clients this account registered.</summary>
    [Id(8)] public List<string> OAuthClients { get; set; } = [];
}

/// <summary>A chain of rotated refresh tokens started by one sign-in.</summary>
[GenerateSerializer, Alias("rr.RefreshFamily")]
public sealed class RefreshFamily
{
    /// <summary>Hash of the one token of the family that may be used now.</summary>
    [Id(0)] public string CurrentHash { get; set; } = "";

    /// <summary>Hashes of tokens already used: presenting one again means theft, so the family dies.</summary>
    [Id(1)] public List<string> UsedHashes { get; set; } = [];
    [Id(2)] public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>Where an Idempotency-Key was first used, and until when it is remembered.</summary>
[GenerateSerializer, Immutable, Alias("rr.KeyBinding")]
public sealed record KeyBinding([property: Id(0)] Guid ResourceId, [property: Id(1)] DateTimeOffset ExpiresAt);
