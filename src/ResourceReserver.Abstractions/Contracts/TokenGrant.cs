namespace ResourceReserver.Contracts;

/// <summary>A freshly issued opaque refresh token (shown once) and the profile it belongs to.</summary>
[GenerateSerializer, Immutable, Alias("rr.TokenGrant")]
public sealed record TokenGrant(
    [property: Id(0)] UserProfile User,
    [property: Id(1)] string RefreshToken,
    [property: Id(2)] DateTimeOffset RefreshExpiresAt);
