namespace ResourceReserver.Contracts;

/// <summary>A registered OAuth2 client: who owns it, what it may ask for and where codes may go. Never carries the secret.</summary>
[GenerateSerializer, Immutable, Alias("rr.OAuthClient")]
public sealed record OAuthClient
{
    [Id(0)] public required string ClientId { get; init; }
    [Id(1)] public Guid OwnerId { get; init; }
    [Id(2)] public required string Name { get; init; }
    [Id(3)] public IReadOnlyList<string> Scopes { get; init; } = [];
    [Id(4)] public IReadOnlyList<string> GrantTypes { get; init; } = [];
    [Id(5)] public IReadOnlyList<string> RedirectUris { get; init; } = [];
    [Id(6)] public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A client and its secret in plain text: the answer to registration and rotation, shown once.</summary>
[GenerateSerializer, Immutable, Alias("rr.OAuthClientSecret")]
public sealed record OAuthClientSecret([property: Id(0)] OAuthClient Client, [property: Id(1)] string Secret);

/// <summary>
/// What a client was granted: on whose behalf (<see cref="UserId"/>), which scopes, the grant id its access tokens
/// name (revoking the grant ends them) and, for delegated grants, a refresh token in plain text (shown once).
/// </summary>
[GenerateSerializer, Immutable, Alias("rr.OAuthGrant")]
public sealed record OAuthGrant(
    [property: Id(0)] string ClientId,
    [property: Id(1)] Guid UserId,
    [property: Id(2)] Guid GrantId,
    [property: Id(3)] IReadOnlyList<string> Scopes,
    [property: Id(4)] string? RefreshToken);

/// <summary>A request for an authorization code, checked by the client grain.</summary>
[GenerateSerializer, Immutable, Alias("rr.CodeRequest")]
public sealed record CodeRequest(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] IReadOnlyList<string> Scopes,
    [property: Id(2)] string RedirectUri,
    [property: Id(3)] string CodeChallenge);
