using System.Net.Mail;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Accounts;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.Apis;

/// <summary>Registration, the OAuth2-style token endpoint, and sign-out.</summary>
public static class AuthApi
{
    // Verified against when the username is unknown, so both paths take the same time.
    private static readonly string DummyHash = BCrypt.Net.BCrypt.EnhancedHashPassword("not-a-real-password-Aa1!", 10);

    /// <summary>Maps <c>/api/v1/auth</c>.</summary>
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/register", RegisterAsync).WithName("Register");
        group.MapPost("/token", TokenAsync).WithName("Token").DisableAntiforgery();
        group.MapPost("/logout", LogoutAsync).WithName("Logout").RequireAuthorization();
        return group;
    }

    private static async Task<Results<Created<RegisteredUser>, ProblemHttpResult>> RegisterAsync(RegisterRequest request, IGrainFactory grains)
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
            return Problem.Of(422, "validation_failed", "Some fields are invalid.", errors);
        }

        var userId = Guid.CreateVersion7();
        var directory = grains.GetGrain<INameDirectoryGrain>(INameDirectoryGrain.Usernames);
        var claim = await directory.ClaimAsync(request.Username!, userId);
        if (!claim.Granted)
        {
            return Problem.Of(409, "username_taken", "That username is taken.");
        }

        string[] roles = claim.FirstEver ? [Roles.Admin, Roles.User] : [Roles.User];
        var outcome = await grains.GetGrain<IUserGrain>(userId).RegisterAsync(request.Username!, request.Password!, request.Email, roles);
        if (!outcome.IsSuccess)
        {
            await directory.ReleaseAsync(request.Username!, userId);
            return Problem.From(outcome.Error!);
        }

        var user = outcome.Value!;
        return TypedResults.Created($"/api/v1/users/{user.Id}", new RegisteredUser(user.Id, user.Username, user.Roles));
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> TokenAsync(HttpRequest http, IGrainFactory grains, TokenService tokens)
    {
        if (await ReadTokenRequestAsync(http) is not { } request)
        {
            return Problem.Of(400, "invalid_request", "Send the fields as application/x-www-form-urlencoded or a JSON object.");
        }

        Outcome<TokenGrant> outcome;
        switch (request.GrantType)
        {
            case "password":
                if (string.IsNullOrEmpty(request.Username) || string.IsNullOrEmpty(request.Password) || request.Username.Length > 50 || request.Password.Length > 128)
                {
                    return Problem.Of(401, "invalid_credentials", "The username or password is wrong.");
                }

                var userId = await grains.GetGrain<INameDirectoryGrain>(INameDirectoryGrain.Usernames).FindAsync(request.Username);
                if (userId is null)
                {
                    BCrypt.Net.BCrypt.EnhancedVerify(request.Password, DummyHash);
                    return Problem.Of(401, "invalid_credentials", "The username or password is wrong.");
                }

                outcome = await grains.GetGrain<IUserGrain>(userId.Value).SignInAsync(request.Password);
                break;
            case "refresh_token":
                if (!RefreshToken.TryParse(request.RefreshToken, out var owner, out _))
                {
                    return Problem.Of(401, "invalid_grant", "The refresh token is invalid, expired or revoked.");
                }

                outcome = await grains.GetGrain<IUserGrain>(owner).RefreshAsync(request.RefreshToken!);
                break;
            case "client_credentials":
                return Problem.Of(401, "invalid_client", "No OAuth2 client with these credentials is registered.");
            default:
                return Problem.Of(400, "unsupported_grant_type", "grant_type must be password, refresh_token or client_credentials.");
        }

        return outcome.IsSuccess ? TypedResults.Ok(tokens.Issue(outcome.Value!)) : Problem.From(outcome.Error!);
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, IGrainFactory grains)
    {
        await grains.GetGrain<IUserGrain>(http.User.UserId()).SignOutAsync();
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
