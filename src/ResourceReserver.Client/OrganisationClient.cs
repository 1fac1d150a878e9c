using System.Globalization;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Http;
using ResourceReserver.Client.Models;

namespace ResourceReserver.Client;

/// <summary>Groups, labels, tags, saved searches and search suggestions.</summary>
public sealed class OrganisationClient(ApiTransport api)
{
    /// <summary><c>GET /groups</c>, one page, by name.</summary>
    public Task<ApiResponse<Page<GroupView>>> GroupsAsync(int? limit, string? cursor, CancellationToken ct) =>
        api.SendAsync<Page<GroupView>>(HttpMethod.Get, ApiTransport.Path("api/v1/groups", ("limit", limit?.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor)), null, ct);

    /// <summary><c>GET /groups/tree</c>.</summary>
    public Task<ApiResponse<IReadOnlyList<GroupNodeView>>> TreeAsync(CancellationToken ct) =>
        api.SendAsync<IReadOnlyList<GroupNodeView>>(HttpMethod.Get, "api/v1/groups/tree", null, ct);

    /// <summary><c>POST /groups</c>.</summary>
    public Task<ApiResponse<GroupView>> CreateGroupAsync(CreateGroupRequest request, CancellationToken ct) =>
        api.SendAsync<GroupView>(HttpMethod.Post, "api/v1/groups", request, ct);

    /// <summary><c>PATCH /groups/{id}</c>.</summary>
    public Task<ApiResponse<GroupView>> UpdateGroupAsync(Guid id, UpdateGroupRequest request, CancellationToken ct) =>
        api.SendAsync<GroupView>(HttpMethod.Patch, $"api/v1/groups/{id}", request, ct);

    /// <summary><c>DELETE /groups/{id}</c>.</summary>
    public Task<(int Status, string Body)> DeleteGroupAsync(Guid id, CancellationToken ct) =>
        api.SendRawAsync(HttpMethod.Delete, $"api/v1/groups/{id}", null, ct);

    /// <summary><c>GET /labels</c>.</summary>
    public Task<ApiResponse<IReadOnlyList<LabelView>>> LabelsAsync(CancellationToken ct) =>
        api.SendAsync<IReadOnlyList<LabelView>>(HttpMethod.Get, "api/v1/labels", null, ct);

    /// <summary><c>POST /labels</c>.</summary>
    public Task<ApiResponse<LabelView>> CreateLabelAsync(LabelRequest request, CancellationToken ct) =>
        api.SendAsync<LabelView>(HttpMethod.Post, "api/v1/labels", request, ct);

    /// <summary><c>POST /labels/{id}/merge</c>.</summary>
    public Task<ApiResponse<LabelMergeView>> MergeLabelAsync(Guid id, Guid intoId, CancellationToken ct) =>
        api.SendAsync<LabelMergeView>(HttpMethod.Post, $"api/v1/labels/{id}/merge", new MergeLabelRequest(intoId), ct);

    /// <summary><c>DELETE /labels/{id}</c>.</summary>
    public Task<(int Status, string Body)> DeleteLabelAsync(Guid id, CancellationToken ct) =>
        api.SendRawAsync(HttpMethod.Delete, $"api/v1/labels/{id}", null, ct);

    /// <summary><c>PATCH /resources/tags/{tag}</c>: renames (merging into an existing tag).</summary>
    public Task<ApiResponse<TagChangeView>> RenameTagAsync(string tag, string name, CancellationToken ct) =>
        api.SendAsync<TagChangeView>(HttpMethod.Patch, $"api/v1/resources/tags/{Uri.EscapeDataString(tag)}", new RenameTagRequest(name), ct);

    /// <summary><c>DELETE /resources/tags/{tag}</c>.</summary>
    public Task<ApiResponse<TagChangeView>> DeleteTagAsync(string tag, CancellationToken ct) =>
        api.SendAsync<TagChangeView>(HttpMethod.Delete, $"api/v1/resources/tags/{Uri.EscapeDataString(tag)}", null, ct);

    /// <summary><c>GET /saved-searches</c> (the caller's own).</summary>
    public Task<ApiResponse<Page<SavedSearchView>>> SavedSearchesAsync(CancellationToken ct) =>
        api.SendAsync<Page<SavedSearchView>>(HttpMethod.Get, "api/v1/saved-searches", null, ct);

    /// <summary><c>POST /saved-searches</c>.</summary>
    public Task<ApiResponse<SavedSearchView>> SaveSearchAsync(CreateSavedSearchRequest request, CancellationToken ct) =>
        api.SendAsync<SavedSearchView>(HttpMethod.Post, "api/v1/saved-searches", request, ct);

    /// <summary><c>GET /saved-searches/{id}/run</c>, one page.</summary>
    public Task<ApiResponse<Page<ResourceView>>> RunSearchAsync(Guid id, int? limit, string? cursor, CancellationToken ct) =>
        api.SendAsync<Page<ResourceView>>(
            HttpMethod.Get, ApiTransport.Path($"api/v1/saved-searches/{id}/run", ("limit", limit?.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor)), null, ct);

    /// <summary><c>DELETE /saved-searches/{id}</c>.</summary>
    public Task<(int Status, string Body)> DeleteSearchAsync(Guid id, CancellationToken ct) =>
        api.SendRawAsync(HttpMethod.Delete, $"api/v1/saved-searches/{id}", null, ct);

    /// <summary><c>GET /search/suggestions?q=</c>.</summary>
    public Task<ApiResponse<IReadOnlyList<SuggestionView>>> SuggestAsync(string q, CancellationToken ct) =>
        api.SendAsync<IReadOnlyList<SuggestionView>>(HttpMethod.Get, ApiTransport.Path("api/v1/search/suggestions", ("q", q)), null, ct);
}
