using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Application;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.Apis;

/// <summary>Registration, the OAuth2-style token endpoint, and sign-out.</summary>
public static class AuthApi
{
    /// <summary>Maps <c>/api/v1/auth</c>.</summary>
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/register", RegisterAsync).WithName("Register");
        group.MapPost("/token", TokenAsync).WithName("Token").DisableAntiforgery().AddEndpointFilter<NoStore>();
        group.MapPost("/logout", LogoutAsync).WithName("Logout").RequireAuthorization();
        return group;
    }

    private static async Task<Results<Created<RegisteredUser>, ProblemHttpResult>> RegisterAsync(RegisterRequest request, AccountService accounts) =>
        (await accounts.RegisterAsync(request)).ToCreated(user => $"/api/v1/users/{user.Id}");

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> TokenAsync(HttpRequest http, AccountService accounts, TokenService tokens)
    {
        if (await ReadTokenRequestAsync(http) is not { } request)
        {
            return Problem.Of(400, "invalid_request", "Send the fields as application/x-www-form-urlencoded or a JSON object.");
        }

        Outcome<TokenGrant> outcome;
        switch (request.GrantType)
        {
            case "password":
                outcome = await accounts.PasswordSignInAsync(request.Username, request.Password, request.MfaCode);
                break;
            case "refresh_token":
                outcome = await accounts.RefreshAsync(request.RefreshToken);
                break;
            case "client_credentials":
                return Problem.Of(401, "invalid_client", "No OAuth2 client with these credentials is registered.");
            default:
                return Problem.Of(400, "unsupported_grant_type", "grant_type must be password, refresh_token or client_credentials.");
        }

        return outcome.IsSuccess ? TypedResults.Ok(tokens.Issue(outcome.Value!)) : Problem.From(outcome.Error!);
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, AccountService accounts)
    {
        await accounts.SignOutAsync(http.User.Actor());
        return TypedResults.NoContent();
    }

    private static async Task<TokenRequest?> ReadTokenRequestAsync(HttpRequest http)
    {
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync();
            return new TokenRequest(form["grant_type"], form["username"], form["password"], form["refresh_token"], form["mfa_code"]);
        }

        if (http.HasJsonContentType())
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(http.Body);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                string? Field(string name) =>
                    document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                return new TokenRequest(Field("grant_type"), Field("username"), Field("password"), Field("refresh_token"), Field("mfa_code"));
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return null;
    }
}
