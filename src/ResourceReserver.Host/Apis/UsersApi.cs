using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Application;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.Apis;

/// <summary>The signed-in user's own profile (rules in <see cref="AccountService"/>).</summary>
public static class UsersApi
{
    /// <summary>Maps <c>/api/v1/users</c>.</summary>
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization();
        group.MapGet("/me", GetMeAsync).WithName("GetMe");
        group.MapPatch("/me", UpdateMeAsync).WithName("UpdateMe");
        return group;
    }

    private static async Task<Results<Ok<UserProfile>, ProblemHttpResult>> GetMeAsync(HttpContext http, AccountService accounts) =>
        (await accounts.GetProfileAsync(http.User.Actor())).ToOk();

    private static async Task<Results<Ok<UserProfile>, ProblemHttpResult>> UpdateMeAsync(UpdateProfileRequest request, HttpContext http, AccountService accounts) =>
        (await accounts.UpdateProfileAsync(http.User.Actor(), request)).ToOk();
}
