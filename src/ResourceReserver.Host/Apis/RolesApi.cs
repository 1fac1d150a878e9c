using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Application;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.Apis;

/// <summary>Roles and their permissions (users.manage); rules in <see cref="RoleService"/>.</summary>
public static class RolesApi
{
    /// <summary>Maps <c>/api/v1/roles</c>.</summary>
    public static RouteGroupBuilder MapRolesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/roles").WithTags("Roles").RequirePermission(Permission.UsersManage);
        group.MapGet("/", ListAsync).WithName("ListRoles");
        group.MapPost("/", CreateAsync).WithName("CreateRole");
        group.MapPatch("/{name}", UpdateAsync).WithName("UpdateRole");
        group.MapDelete("/{name}", DeleteAsync).WithName("DeleteRole");
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<RoleView>>, ProblemHttpResult>> ListAsync(HttpContext http, RoleService roles) =>
        (await roles.ListAsync(http.User.Actor())).ToOk();

    private static async Task<Results<Created<RoleView>, ProblemHttpResult>> CreateAsync(CreateRoleRequest request, HttpContext http, RoleService roles) =>
        (await roles.CreateAsync(http.User.Actor(), request)).ToCreated(r => $"/api/v1/roles/{r.Name}");

    private static async Task<Results<Ok<RoleView>, ProblemHttpResult>> UpdateAsync(string name, UpdateRoleRequest request, HttpContext http, RoleService roles) =>
        (await roles.UpdateAsync(http.User.Actor(), name, request)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string name, HttpContext http, RoleService roles) =>
        (await roles.DeleteAsync(http.User.Actor(), name)).ToNoContent();
}
