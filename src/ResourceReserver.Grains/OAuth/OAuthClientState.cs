using ResourceReserver.Events;
using ResourceReserver.Outbox;

namespace ResourceReserver.OAuth;

/// <summary>The persisted state of an OAuth2 client grain.</summary>
[GenerateSerializer, Alias("rr.OAuthClientState")]
public sealed class OAuthClientState : IHasOutbox
{
    [Id(0)] public OAuthClient? Client { get; set; }
    [Id(1)] public string? SecretHash { get; set; }
    [Id(2)] public bool Deleted { get; set; }

    /// <summary>Codes not redeemed yet, by code id.</summary>
    [Id(3)] public Dictionary<Guid, PendingCode> Codes { get; set; } = [];

    /// <summary>Codes redeemed, by code id → the grant they gave (a second redemption revokes it).</summary>
    [Id(4)] public Dictionary<Guid, RedeemedCode> Redeemed { get; set; } = [];

    /// <summary>Live grants by id.</summary>
    [Id(5)] public Dictionary<Guid, ClientGrant> Grants { get; set; } = [];

    [Id(6)] public List<DomainEvent> Outbox { get; set; } = [];
}

/// <summary>An authorization code waiting to be redeemed.</summary>
[GenerateSerializer, Alias("rr.PendingCode")]
public sealed class PendingCode
{
    [Id(0)] public string Hash { get; set; } = "";
    [Id(1)] public Guid UserId { get; set; }
    [Id(2)] public List<string> Scopes { get; set; } = [];
    [Id(3)] public string RedirectUri { get; set; } = "";
    [Id(4)] public string Challenge { get; set; } = "";
    [Id(5)] public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>A redeemed code, remembered until it would have expired.</summary>
[GenerateSerializer, Immutable, Alias("rr.RedeemedCode")]
public sealed record RedeemedCode([property: Id(0)] Guid GrantId, [property: Id(1)] DateTimeOffset ExpiresAt);

/// <summary>What a client holds on a user's (or its owner's) behalf.</summary>
[GenerateSerializer, Alias("rr.ClientGrant")]
public sealed class ClientGrant
{
    [Id(0)] public Guid UserId { get; set; }
    [Id(1)] public List<string> Scopes { get; set; } = [];

    /// <summary>Hash of the refresh token usable now; null for client_credentials grants.</summary>
    [Id(2)] public string? RefreshHash { get; set; }
    [Id(3)] public List<string> UsedRefreshHashes { get; set; } = [];
    [Id(4)] public DateTimeOffset ExpiresAt { get; set; }
}
