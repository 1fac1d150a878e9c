using System.Text.Json.Serialization;

namespace ResourceReserver.Client.Contracts;

/// <summary>Body of <c>POST /auth/register</c>.</summary>
public sealed record RegisterRequest(string? Username, string? Password, string? Email);

/// <summary>The public view of a newly registered account.</summary>
public sealed record RegisteredUser(Guid Id, string Username, IReadOnlyList<string> Roles);

/// <summary>Fields of <c>POST /auth/token</c>, from a form or a JSON body (RFC 6749 names).</summary>
public sealed record TokenRequest(
    string? GrantType,
    string? Username,
    string? Password,
    string? RefreshToken,
    string? MfaCode,
    string? ClientId = null,
    string? ClientSecret = null,
    string? Scope = null,
    string? Code = null,
    string? RedirectUri = null,
    string? CodeVerifier = null);

/// <summary>RFC 6749 section 5.1 token response; a client_credentials answer has no refresh token, a client's carries its scope.</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("refresh_token"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RefreshToken)
{
    /// <summary>The granted scopes (OAuth2 clients only).</summary>
    [JsonPropertyName("scope")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Scope { get; init; }
}

/// <summary>Body of <c>PATCH /users/me</c>; <c>language</c> (en, es, fr) is the language of notifications and e-mail.</summary>
public sealed record UpdateProfileRequest(string? Email, bool? EmailNotifications, IReadOnlyList<int>? ReminderLeadTimesHours, string? Language = null);
