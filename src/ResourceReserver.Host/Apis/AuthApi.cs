using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Application;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.Apis;

/// <summary>Registration, the OAuth2 token endpoint (rules in <see cref="TokenEndpointService"/>), and sign-out.</summary>
public static class AuthApi
{
    // RFC 6749 §5.2: these refusals are 400s; invalid_client and invalid_grant stay 401 as the contract says.
    private static readonly HashSet<string> BadRequestCodes = [ProblemCode.InvalidRequest, ProblemCode.InvalidScope, ProblemCode.UnsupportedGrantType, ProblemCode.UnauthorizedClient];

    /// <summary>Maps <c>/api/v1/auth</c>.</summary>
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/register", RegisterAsync).WithName("Register").AnyScope();
        group.MapPost("/token", TokenAsync).WithName("Token").DisableAntiforgery().AddEndpointFilter<NoStore>().AnyScope();
        group.MapPost("/logout", LogoutAsync).WithName("Logout").RequireAuthorization().FirstPartyOnly();
        return group;
    }

    private static async Task<Results<Created<RegisteredUser>, ProblemHttpResult>> RegisterAsync(RegisterRequest request, AccountService accounts) =>
        (await accounts.RegisterAsync(request)).ToCreated(user => $"/api/v1/users/{user.Id}");

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> TokenAsync(HttpContext http, TokenEndpointService endpoint)
    {
        if (await ReadFieldsAsync(http.Request) is not { } fields)
        {
            return Problem.Of(400, ProblemCode.InvalidRequest, "Send the fields as application/x-www-form-urlencoded or a JSON object.");
        }

        var request = new TokenRequest(fields("grant_type"), fields("username"), fields("password"), fields("refresh_token"), fields("mfa_code"),
            fields("client_id"), fields("client_secret"), fields("scope"), fields("code"), fields("redirect_uri"), fields("code_verifier"));
        var credentials = ClientCredentialsOf(http.Request, fields);
        var outcome = await endpoint.ExchangeAsync(request, credentials);
        return outcome.IsSuccess ? TypedResults.Ok(outcome.Value!) : Refused(http, outcome.Error!, credentials);
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, AccountService accounts)
    {
        await accounts.SignOutAsync(http.User.Actor());
        return TypedResults.NoContent();
    }

    /// <summary>A refusal of the token, revocation or introspection endpoint, in the status RFC 6749 §5.2 gives it.</summary>
    internal static ProblemHttpResult Refused(HttpContext http, DomainError error, ClientCredentials credentials)
    {
        if (error.Code == ProblemCode.InvalidClient && credentials.ViaBasic)
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"resource-reserver\"";
        }

        return BadRequestCodes.Contains(error.Code) ? Problem.From(error, StatusCodes.Status400BadRequest) : Problem.From(error);
    }

    /// <summary>The client credentials of a request: HTTP Basic (RFC 6749 §2.3.1) or the form's client_id/client_secret.</summary>
    internal static ClientCredentials ClientCredentialsOf(HttpRequest request, Func<string, string?> fields)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is { Length: <= 1024 } encoded)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded)).Split(':', 2);
                if (pair.Length == 2)
                {
                    return new ClientCredentials(Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]), ViaBasic: true);
                }
            }
            catch (FormatException)
            {
                // Not base64: no credentials, answered as invalid_client below.
            }

            return new ClientCredentials(null, null, ViaBasic: true);
        }

        return new ClientCredentials(fields("client_id"), fields("client_secret"));
    }

    /// <summary>The request's fields from a form or a flat JSON object, or null when the body is neither.</summary>
    internal static async Task<Func<string, string?>?> ReadFieldsAsync(HttpRequest http)
    {
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync();
            return name => form.TryGetValue(name, out var value) && value.Count == 1 ? value.ToString() : null;
        }

        if (!http.HasJsonContentType())
        {
            return null;
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(http.Body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var values = document.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.String)
                .GroupBy(p => p.Name)
                .ToDictionary(g => g.Key, g => g.First().Value.GetString());
            return name => values.GetValueOrDefault(name);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Not JSON, or a string that is not valid UTF-16 (a lone surrogate): unreadable either way.
            return null;
        }
    }
}
