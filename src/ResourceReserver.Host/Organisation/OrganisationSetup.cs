using ResourceReserver.Host.Apis;
using ResourceReserver.Infrastructure.Organisation;

namespace ResourceReserver.Host.Organisation;

/// <summary>Registers and maps groups, labels, tags, saved searches and search suggestions.</summary>
public static class OrganisationSetup
{
    /// <summary>Adds the organisation stores and services.</summary>
    public static WebApplicationBuilder AddReserverOrganisation(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GroupStore>();
        builder.Services.AddSingleton<LabelStore>();
        builder.Services.AddSingleton<SavedSearchStore>();
        builder.Services.AddSingleton<OrganisationReferences>();
        builder.Services.AddSingleton<ResourceRelabeller>();
        builder.Services.AddSingleton<GroupService>();
        builder.Services.AddSingleton<LabelService>();
        builder.Services.AddSingleton<TagService>();
        builder.Services.AddSingleton<SuggestionTerms>();
        builder.Services.AddSingleton<SuggestionService>();
        builder.Services.AddSingleton<SavedSearchService>();
        return builder;
    }

    /// <summary>Maps <c>/groups</c>, <c>/labels</c>, <c>/resources/tags/{tag}</c>, <c>/saved-searches</c> and <c>/search</c>.</summary>
    public static IEndpointRouteBuilder MapOrganisationApis(this IEndpointRouteBuilder routes)
    {
        routes.MapGroupsApi();
        routes.MapLabelsApi();
        routes.MapSavedSearchesApi();
        return routes;
    }
}
