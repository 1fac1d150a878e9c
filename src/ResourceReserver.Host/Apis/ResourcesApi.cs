using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Application;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Apis;

/// <summary>Resources: administrators manage them, anyone may browse them. The rules live in <see cref="ResourceService"/>.</summary>
public static class ResourcesApi
{
    /// <summary>Maps <c>/api/v1/resources</c>.</summary>
    public static RouteGroupBuilder MapResourcesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/resources").WithTags("Resources");
        group.MapPost("/", CreateAsync).WithName("CreateResource").RequirePermission(Permission.ResourcesManage);
        group.MapGet("/", ListAsync).WithName("ListResources");
        group.MapGet("/tags", TagsAsync).WithName("ResourceTags");
        group.MapGet("/{id}", GetAsync).WithName("GetResource");
        group.MapPatch("/{id}", UpdateAsync).WithName("UpdateResource").RequirePermission(Permission.ResourcesManage);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteResource").RequirePermission(Permission.ResourcesManage);
        group.MapGet("/{id}/availability", AvailabilityAsync).WithName("ResourceAvailability");
        group.MapPut("/{id}/status", SetStatusAsync).WithName("SetResourceStatus").RequirePermission(Permission.ResourcesManage);
        group.MapGet("/summary", SummaryAsync).WithName("AvailabilitySummary");
        group.MapGet("/{id}/slots", SlotsAsync).WithName("ResourceSlots");
        group.MapGet("/{id}/next-available", NextAvailableAsync).WithName("ResourceNextAvailable");
        return group;
    }

    private static async Task<Results<Created<ResourceView>, ProblemHttpResult>> CreateAsync(CreateResourceRequest request, HttpContext http, ResourceService resources) =>
        (await resources.CreateAsync(http.User.Actor(), request)).ToCreated(r => $"/api/v1/resources/{r.Id}");

    private static async Task<Results<Ok<Page<ResourceView>>, ProblemHttpResult>> ListAsync(
        HttpRequest http, ResourceService resources, string? q, string? tags, string? status, string? availableFrom, string? availableUntil, string? limit, string? cursor,
        string? groupId, string? includeSubgroups, string? labels, string? minCapacity) =>
        (await resources.ListAsync(
            new ResourceQuery(q, tags, status, availableFrom, availableUntil, limit, cursor, groupId, includeSubgroups, labels, minCapacity),
            http.HttpContext.RequestAborted)).ToOk();

    private static async Task<Ok<IReadOnlyList<TagCount>>> TagsAsync(ResourceService resources, CancellationToken ct) =>
        TypedResults.Ok(await resources.TagsAsync(ct));

    private static async Task<Results<Ok<ResourceView>, ProblemHttpResult>> GetAsync(string id, ResourceService resources) =>
        (await resources.GetAsync(id)).ToOk();

    private static async Task<Results<Ok<ResourceView>, ProblemHttpResult>> UpdateAsync(string id, UpdateResourceRequest request, HttpContext http, ResourceService resources) =>
        (await resources.UpdateAsync(http.User.Actor(), id, request)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, HttpContext http, ResourceService resources) =>
        (await resources.DeleteAsync(http.User.Actor(), id)).ToNoContent();

    private static async Task<Results<Ok<ResourceView>, ProblemHttpResult>> SetStatusAsync(string id, SetStatusRequest request, HttpContext http, ResourceService resources) =>
        (await resources.SetStatusAsync(http.User.Actor(), id, request)).ToOk();

    private static async Task<Results<Ok<AvailabilityView>, ProblemHttpResult>> AvailabilityAsync(string id, string? from, string? until, HttpContext http, ResourceService resources) =>
        (await resources.AvailabilityAsync(http.User.OptionalActor(), id, from, until)).ToOk();

    private static async Task<Ok<AvailabilitySummary>> SummaryAsync(ResourceService resources, CancellationToken ct) =>
        TypedResults.Ok(await resources.SummaryAsync(ct));

    private static async Task<Results<Ok<SlotsView>, ProblemHttpResult>> SlotsAsync(string id, string? date, string? duration, string? quantity, ResourceService resources) =>
        (await resources.SlotsAsync(id, date, duration, quantity)).ToOk();

    private static async Task<Results<Ok<TimeRange>, ProblemHttpResult>> NextAvailableAsync(
        string id, string? duration, string? quantity, string? after, ResourceService resources) =>
        (await resources.NextAvailableAsync(id, duration, quantity, after)).ToOk();
}
