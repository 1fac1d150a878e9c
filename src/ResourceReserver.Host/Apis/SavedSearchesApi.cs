using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Organisation;
using ResourceReserver.Host.Problems;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Apis;

/// <summary>Saved searches (each user's own) and search suggestions. The rules live in <see cref="SavedSearchService"/> and <see cref="SuggestionService"/>.</summary>
public static class SavedSearchesApi
{
    /// <summary>Maps <c>/api/v1/saved-searches</c> and <c>/api/v1/search/suggestions</c>.</summary>
    public static RouteGroupBuilder MapSavedSearchesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1/search").WithTags("Search").MapGet("/suggestions", SuggestAsync).WithName("SearchSuggestions");

        var group = routes.MapGroup("/api/v1/saved-searches").WithTags("Search").RequireAuthorization();
        group.MapPost("/", CreateAsync).WithName("CreateSavedSearch");
        group.MapGet("/", ListAsync).WithName("ListSavedSearches");
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteSavedSearch");
        group.MapGet("/{id}/run", RunAsync).WithName("RunSavedSearch");
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<SuggestionView>>, ProblemHttpResult>> SuggestAsync(string? q, SuggestionService suggestions, CancellationToken ct) =>
        (await suggestions.SuggestAsync(q, ct)).ToOk();

    private static async Task<Results<Created<SavedSearchView>, ProblemHttpResult>> CreateAsync(CreateSavedSearchRequest request, HttpContext http, SavedSearchService searches) =>
        (await searches.CreateAsync(http.User.Actor(), request, http.RequestAborted)).ToCreated(s => $"/api/v1/saved-searches/{s.Id}");

    private static async Task<Ok<Page<SavedSearchView>>> ListAsync(HttpContext http, SavedSearchService searches) =>
        TypedResults.Ok(await searches.ListAsync(http.User.Actor(), http.RequestAborted));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, HttpContext http, SavedSearchService searches) =>
        (await searches.DeleteAsync(http.User.Actor(), id, http.RequestAborted)).ToNoContent();

    private static async Task<Results<Ok<Page<ResourceView>>, ProblemHttpResult>> RunAsync(string id, string? limit, string? cursor, HttpContext http, SavedSearchService searches) =>
        (await searches.RunAsync(http.User.Actor(), id, limit, cursor, http.RequestAborted)).ToOk();
}
