using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Application;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.Apis;

/// <summary>The signed-in user's own account: profile, permissions and password (rules in <see cref="AccountService"/>).</summary>
public static class UsersApi
{
    /// <summary>Maps <c>/api/v1/users/me</c>.</summary>
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/users/me").WithTags("Users").RequireAuthorization().RequireScope(Scopes.Profile);
        group.MapGet("/", GetMeAsync).WithName("GetMe");
        group.MapPatch("/", UpdateMeAsync).WithName("UpdateMe");
        group.MapGet("/permissions", PermissionsAsync).WithName("MyPermissions");
        group.MapGet("/quota", async (HttpContext http, QuotaService quotas) => (await quotas.GetMineAsync(http.User.Actor())).ToOk()).WithName("MyQuota");
        group.MapPost("/password", ChangePasswordAsync).WithName("ChangePassword").FirstPartyOnly();
        return group;
    }

    private static async Task<Results<Ok<UserProfile>, ProblemHttpResult>> GetMeAsync(HttpContext http, AccountService accounts) =>
        (await accounts.GetProfileAsync(http.User.Actor())).ToOk();

    private static async Task<Results<Ok<UserProfile>, ProblemHttpResult>> UpdateMeAsync(UpdateProfileRequest request, HttpContext http, AccountService accounts) =>
        (await accounts.UpdateProfileAsync(http.User.Actor(), request)).ToOk();

    private static async Task<Results<Ok<MyPermissions>, ProblemHttpResult>> PermissionsAsync(HttpContext http, AccountService accounts) =>
        (await accounts.GetPermissionsAsync(http.User.Actor())).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(ChangePasswordRequest request, HttpContext http, AccountService accounts) =>
        (await accounts.ChangePasswordAsync(http.User.Actor(), http.User.SessionId(), request)).ToNoContent();
}
