using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Application;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.Apis;

/// <summary>
/// OAuth2 clients (registration and management), the authorization endpoint, revocation (RFC 7009) and
/// introspection (RFC 7662); tokens come from <c>/auth/token</c>. Rules in the OAuth application services.
/// </summary>
public static class OAuthApi
{
    /// <summary>Maps <c>/api/v1/oauth</c>.</summary>
    public static RouteGroupBuilder MapOAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/oauth").WithTags("OAuth2");
        var clients = group.MapGroup("/clients").RequireAuthorization().FirstPartyOnly().AddEndpointFilter<NoStore>();
        clients.MapPost("/", async (CreateClientRequest request, HttpContext http, OAuthClientService service) =>
            (await service.CreateAsync(http.User.Actor(), request)).ToCreated(c => $"/api/v1/oauth/clients/{c.ClientId}")).WithName("CreateOAuthClient");
        clients.MapGet("/", async (string? userId, HttpContext http, OAuthClientService service) =>
            (await service.ListAsync(http.User.Actor(), userId)).ToOk()).WithName("ListOAuthClients");
        clients.MapDelete("/{id}", async (string id, HttpContext http, OAuthClientService service) =>
            (await service.DeleteAsync(http.User.Actor(), id)).ToNoContent()).WithName("DeleteOAuthClient");
        clients.MapPost("/{id}/rotate-secret", async (string id, HttpContext http, OAuthClientService service) =>
            (await service.RotateSecretAsync(http.User.Actor(), id)).ToOk()).WithName("RotateOAuthClientSecret");

        group.MapGet("/authorize", AuthorizeAsync).WithName("Authorize").RequireAuthorization().FirstPartyOnly();
        group.MapPost("/revoke", RevokeAsync).WithName("RevokeToken").DisableAntiforgery().AnyScope();
        group.MapPost("/introspect", IntrospectAsync).WithName("IntrospectToken").DisableAntiforgery().AddEndpointFilter<NoStore>().AnyScope();
        return group;
    }

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> AuthorizeAsync(
        HttpContext http, OAuthAuthorizationService oauth, string? response_type, string? client_id, string? redirect_uri, string? scope,
        string? state, string? code_challenge, string? code_challenge_method)
    {
        var outcome = await oauth.AuthorizeAsync(http.User.Actor(),
            new AuthorizeRequest(response_type, client_id, redirect_uri, scope, state, code_challenge, code_challenge_method));
        return outcome.IsSuccess ? TypedResults.Redirect(outcome.Value!) : Problem.From(outcome.Error!, StatusCodes.Status400BadRequest);
    }

    private static async Task<Results<Ok, ProblemHttpResult>> RevokeAsync(HttpContext http, OAuthAuthorizationService oauth)
    {
        if (await AuthApi.ReadFieldsAsync(http.Request) is not { } fields)
        {
            return Problem.Of(400, ProblemCode.InvalidRequest, "Send token as application/x-www-form-urlencoded.");
        }

        var credentials = AuthApi.ClientCredentialsOf(http.Request, fields);
        var outcome = await oauth.RevokeAsync(credentials, fields("token"));
        return outcome.IsSuccess ? TypedResults.Ok() : AuthApi.Refused(http, outcome.Error!, credentials);
    }

    private static async Task<Results<Ok<IntrospectionResponse>, ProblemHttpResult>> IntrospectAsync(HttpContext http, OAuthAuthorizationService oauth)
    {
        if (await AuthApi.ReadFieldsAsync(http.Request) is not { } fields)
        {
            return Problem.Of(400, ProblemCode.InvalidRequest, "Send token as application/x-www-form-urlencoded.");
        }

        var credentials = AuthApi.ClientCredentialsOf(http.Request, fields);
        var outcome = await oauth.IntrospectAsync(credentials, fields("token"));
        return outcome.IsSuccess ? TypedResults.Ok(outcome.Value!) : AuthApi.Refused(http, outcome.Error!, credentials);
    }
}
