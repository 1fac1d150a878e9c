using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Application;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.Apis;

/// <summary>User administration (users.manage); the rules, including last-admin protection, are in <see cref="UserAdminService"/>.</summary>
public static class UserAdminApi
{
    /// <summary>Maps <c>/api/v1/users</c> (all but <c>/me</c>).</summary>
    public static RouteGroupBuilder MapUserAdminApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/users").WithTags("User administration").RequirePermission(Permission.UsersManage);
        group.MapGet("/", ListAsync).WithName("ListUsers");
        group.MapGet("/{id}", (string id, HttpContext http, UserAdminService users) => Run(users.GetAsync(http.User.Actor(), id))).WithName("GetUser");
        group.MapPost("/{id}/roles", (string id, AssignRoleRequest request, HttpContext http, UserAdminService users) =>
            Run(users.AssignRoleAsync(http.User.Actor(), id, request))).WithName("AssignRole");
        group.MapPost("/by-name/{username}/roles", (string username, AssignRoleRequest request, HttpContext http, UserAdminService users) =>
            Run(users.AssignRoleAsync(http.User.Actor(), username, request, byName: true))).WithName("AssignRoleByName");
        group.MapDelete("/{id}/roles/{role}", (string id, string role, HttpContext http, UserAdminService users) =>
            Run(users.RemoveRoleAsync(http.User.Actor(), id, role))).WithName("RemoveRole");
        group.MapPost("/{id}/disable", (string id, HttpContext http, UserAdminService users) =>
            Run(users.SetStatusAsync(http.User.Actor(), id, UserStatus.Disabled))).WithName("DisableUser");
        group.MapPost("/{id}/enable", (string id, HttpContext http, UserAdminService users) =>
            Run(users.SetStatusAsync(http.User.Actor(), id, UserStatus.Active))).WithName("EnableUser");
        group.MapPost("/{id}/password", ResetPasswordAsync).WithName("ResetPassword");
        group.MapDelete("/{id}/mfa", (string id, HttpContext http, UserAdminService users) => Run(users.ResetMfaAsync(http.User.Actor(), id))).WithName("ResetMfa");
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteUser");
        group.MapPut("/{id}/quota", async (string id, SetQuotaRequest request, HttpContext http, QuotaService quotas) =>
            (await quotas.SetAsync(http.User.Actor(), id, request)).ToOk()).WithName("SetUserQuota");
        return group;
    }

    private static async Task<Results<Ok<UserPage>, ProblemHttpResult>> ListAsync(
        HttpContext http, UserAdminService users, string? q, string? role, string? status, string? limit, string? cursor) =>
        (await users.ListAsync(http.User.Actor(), q, role, status, limit, cursor, http.RequestAborted)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> ResetPasswordAsync(string id, ResetPasswordRequest request, HttpContext http, UserAdminService users) =>
        (await users.ResetPasswordAsync(http.User.Actor(), id, request)).ToNoContent();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, HttpContext http, UserAdminService users) =>
        (await users.DeleteAsync(http.User.Actor(), id, http.RequestAborted)).ToNoContent();

    private static async Task<Results<Ok<UserSummary>, ProblemHttpResult>> Run(Task<Outcome<UserSummary>> work) => (await work).ToOk();
}
