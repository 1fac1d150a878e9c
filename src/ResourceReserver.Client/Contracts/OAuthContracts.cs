using System.Text.Json.Serialization;

namespace ResourceReserver.Client.Contracts;

/// <summary>Body of <c>POST /oauth/clients</c>.</summary>
public sealed record CreateClientRequest(string? Name, IReadOnlyList<string>? Scopes, IReadOnlyList<string>? GrantTypes, IReadOnlyList<string>? RedirectUris);

/// <summary>An OAuth2 client as its owner sees it.</summary>
public sealed record ClientView(
    string ClientId,
    string Name,
    Guid OwnerId,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> GrantTypes,
    IReadOnlyList<string> RedirectUris,
    DateTimeOffset CreatedAt);

/// <summary>A client with its secret: the answer to registration and rotation, the only time the secret is shown.</summary>
public sealed record ClientWithSecret(
    string ClientId,
    string ClientSecret,
    string Name,
    Guid OwnerId,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> GrantTypes,
    IReadOnlyList<string> RedirectUris,
    DateTimeOffset CreatedAt);

/// <summary><c>GET /oauth/clients</c>.</summary>
public sealed record ClientList(IReadOnlyList<ClientView> Items, string? NextCursor);

/// <summary>RFC 7662 introspection answer; only <c>active</c> when the token is not.</summary>
public sealed record IntrospectionResponse(
    [property: JsonPropertyName("active")] bool Active,
    [property: JsonPropertyName("scope"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Scope = null,
    [property: JsonPropertyName("sub"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sub = null,
    [property: JsonPropertyName("client_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClientId = null,
    [property: JsonPropertyName("exp"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Exp = null,
    [property: JsonPropertyName("token_type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TokenType = null);
