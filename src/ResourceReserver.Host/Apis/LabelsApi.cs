using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Organisation;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.Apis;

/// <summary>Labels, and tag renames and removals across resources. The rules live in <see cref="LabelService"/> and <see cref="TagService"/>.</summary>
public static class LabelsApi
{
    /// <summary>Maps <c>/api/v1/labels</c> and <c>/api/v1/resources/tags/{tag}</c>.</summary>
    public static RouteGroupBuilder MapLabelsApi(this IEndpointRouteBuilder routes)
    {
        var tags = routes.MapGroup("/api/v1/resources/tags").WithTags("Resources");
        tags.MapPatch("/{tag}", RenameTagAsync).WithName("RenameTag").RequirePermission(Permission.ResourcesManage);
        tags.MapDelete("/{tag}", DeleteTagAsync).WithName("DeleteTag").RequirePermission(Permission.ResourcesManage);

        var group = routes.MapGroup("/api/v1/labels").WithTags("Labels");
        group.MapPost("/", CreateAsync).WithName("CreateLabel").RequirePermission(Permission.ResourcesManage);
        group.MapGet("/", ListAsync).WithName("ListLabels");
        group.MapGet("/{id}", GetAsync).WithName("GetLabel");
        group.MapPatch("/{id}", UpdateAsync).WithName("UpdateLabel").RequirePermission(Permission.ResourcesManage);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteLabel").RequirePermission(Permission.ResourcesManage);
        group.MapPost("/{id}/merge", MergeAsync).WithName("MergeLabel").RequirePermission(Permission.ResourcesManage);
        return group;
    }

    private static async Task<Results<Created<LabelView>, ProblemHttpResult>> CreateAsync(LabelRequest request, HttpContext http, LabelService labels) =>
        (await labels.CreateAsync(http.User.Actor(), request)).ToCreated(l => $"/api/v1/labels/{l.Id}");

    private static async Task<Ok<IReadOnlyList<LabelView>>> ListAsync(LabelService labels, CancellationToken ct) => TypedResults.Ok(await labels.ListAsync(ct));

    private static async Task<Results<Ok<LabelView>, ProblemHttpResult>> GetAsync(string id, LabelService labels) => (await labels.GetAsync(id)).ToOk();

    private static async Task<Results<Ok<LabelView>, ProblemHttpResult>> UpdateAsync(string id, LabelRequest request, HttpContext http, LabelService labels) =>
        (await labels.UpdateAsync(http.User.Actor(), id, request)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, HttpContext http, LabelService labels) =>
        (await labels.DeleteAsync(http.User.Actor(), id, http.RequestAborted)).ToNoContent();

    private static async Task<Results<Ok<LabelMergeView>, ProblemHttpResult>> MergeAsync(string id, MergeLabelRequest request, HttpContext http, LabelService labels) =>
        (await labels.MergeAsync(http.User.Actor(), id, request, http.RequestAborted)).ToOk();

    private static async Task<Results<Ok<TagChangeView>, ProblemHttpResult>> RenameTagAsync(string tag, RenameTagRequest request, HttpContext http, TagService tags) =>
        (await tags.RenameAsync(http.User.Actor(), tag, request, http.RequestAborted)).ToOk();

    private static async Task<Results<Ok<TagChangeView>, ProblemHttpResult>> DeleteTagAsync(string tag, HttpContext http, TagService tags) =>
        (await tags.DeleteAsync(http.User.Actor(), tag, http.RequestAborted)).ToOk();
}
