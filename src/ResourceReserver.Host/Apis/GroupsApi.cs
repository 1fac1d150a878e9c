using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Organisation;
using ResourceReserver.Host.Problems;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Apis;

/// <summary>Groups of resources (a tree of buildings, floors, areas). The rules live in <see cref="GroupService"/>.</summary>
public static class GroupsApi
{
    /// <summary>Maps <c>/api/v1/groups</c>.</summary>
    public static RouteGroupBuilder MapGroupsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/groups").WithTags("Groups");
        group.MapPost("/", CreateAsync).WithName("CreateGroup").RequirePermission(Permission.ResourcesManage);
        group.MapGet("/", ListAsync).WithName("ListGroups");
        group.MapGet("/tree", TreeAsync).WithName("GroupTree");
        group.MapGet("/{id}", GetAsync).WithName("GetGroup");
        group.MapPatch("/{id}", UpdateAsync).WithName("UpdateGroup").RequirePermission(Permission.ResourcesManage);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteGroup").RequirePermission(Permission.ResourcesManage);
        return group;
    }

    private static async Task<Results<Created<GroupView>, ProblemHttpResult>> CreateAsync(CreateGroupRequest request, HttpContext http, GroupService groups) =>
        (await groups.CreateAsync(http.User.Actor(), request)).ToCreated(g => $"/api/v1/groups/{g.Id}");

    private static async Task<Results<Ok<Page<GroupView>>, ProblemHttpResult>> ListAsync(string? limit, string? cursor, GroupService groups, CancellationToken ct) =>
        (await groups.ListAsync(limit, cursor, ct)).ToOk();

    private static async Task<Ok<IReadOnlyList<GroupNodeView>>> TreeAsync(GroupService groups, CancellationToken ct) =>
        TypedResults.Ok(await groups.TreeAsync(ct));

    private static async Task<Results<Ok<GroupView>, ProblemHttpResult>> GetAsync(string id, GroupService groups) =>
        (await groups.GetAsync(id)).ToOk();

    private static async Task<Results<Ok<GroupView>, ProblemHttpResult>> UpdateAsync(string id, UpdateGroupRequest request, HttpContext http, GroupService groups) =>
        (await groups.UpdateAsync(http.User.Actor(), id, request)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, HttpContext http, GroupService groups) =>
        (await groups.DeleteAsync(http.User.Actor(), id)).ToNoContent();
}
