using System.Xml;
using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Apis;

/// <summary>Resources: administrators manage them, anyone may browse them.</summary>
public static partial class ResourcesApi
{
    /// <summary>Maps <c>/api/v1/resources</c>.</summary>
    public static RouteGroupBuilder MapResourcesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/resources").WithTags("Resources");
        group.MapPost("/", CreateAsync).WithName("CreateResource").RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapGet("/", ListAsync).WithName("ListResources");
        group.MapGet("/tags", TagsAsync).WithName("ResourceTags");
        group.MapGet("/{id}", GetAsync).WithName("GetResource");
        group.MapPatch("/{id}", UpdateAsync).WithName("UpdateResource").RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteResource").RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapGet("/{id}/availability", AvailabilityAsync).WithName("ResourceAvailability");
        group.MapPut("/{id}/status", SetStatusAsync).WithName("SetResourceStatus").RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapGet("/summary", SummaryAsync).WithName("AvailabilitySummary");
        group.MapGet("/{id}/slots", SlotsAsync).WithName("ResourceSlots");
        group.MapGet("/{id}/next-available", NextAvailableAsync).WithName("ResourceNextAvailable");
        return group;
    }

    private static async Task<Results<Created<ResourceView>, ProblemHttpResult>> CreateAsync(CreateResourceRequest request, HttpContext http, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return Problem.Invalid("name", "The name is required.");
        }

        if (request.Rules?.RangeProblem() is { } rulesProblem)
        {
            return Problem.Invalid("rules", rulesProblem);
        }

        var (hours, blackouts, badField, badHours) = OpeningPeriodBody.Parse(request.BusinessHours, request.Blackouts);
        if (badField is not null)
        {
            return Problem.Invalid(badField, badHours!);
        }

        var details = new ResourceDetails
        {
            BusinessHours = hours,
            Blackouts = blackouts ?? [],
            Name = request.Name,
            Description = request.Description,
            Tags = request.Tags ?? [],
            Capacity = request.Capacity ?? 1,
            TimeZone = request.TimeZone ?? "UTC",
            Attributes = request.Attributes ?? [],
            Location = request.Location,
            Rules = request.Rules?.ApplyTo(BookingRules.Default) ?? BookingRules.Default,
        };
        if (Resources.ResourceDetailsValidator.Validate(Resources.ResourceDetailsValidator.Normalize(details)) is { } invalid)
        {
            return Problem.From(invalid);
        }

        var id = Guid.CreateVersion7();
        var names = grains.GetGrain<INameDirectoryGrain>(INameDirectoryGrain.ResourceNames);
        if (!(await names.ClaimAsync(details.Name, id)).Granted)
        {
            return Problem.Of(409, "name_taken", $"A resource named '{details.Name.Trim()}' already exists.");
        }

        var outcome = await grains.GetGrain<IResourceGrain>(id).CreateAsync(details, http.User.Actor());
        if (!outcome.IsSuccess)
        {
            await names.ReleaseAsync(details.Name, id);
            return Problem.From(outcome.Error!);
        }

        return TypedResults.Created($"/api/v1/resources/{id}", ResourceView.From(outcome.Value!));
    }

    private static async Task<Results<Ok<Page<ResourceView>>, ProblemHttpResult>> ListAsync(
        HttpRequest http, SqlReadStore store, string? q, string? tags, string? status, string? availableFrom, string? availableUntil, string? limit, string? cursor)
    {
        if (Paging.Limit(limit) is not { } pageSize)
        {
            return Paging.InvalidLimit();
        }

        if (status is not null && !EnumText.TryParse<ResourceStatus>(status, out _))
        {
            return Problem.Invalid("status", "status must be available, disabled or maintenance.");
        }

        if (!Instants.TryParseOptional(availableFrom, out var from) || !Instants.TryParseOptional(availableUntil, out var until)
            || (from is null) != (until is null) || (from is not null && from >= until))
        {
            return Problem.Invalid("availableFrom", "availableFrom and availableUntil go together, as ISO 8601 instants with from < until.");
        }

        if (cursor is not null && !Cursor.TryDecode(cursor, out _, out _))
        {
            return Problem.Invalid("cursor", "Unknown cursor.");
        }

        var tagList = (tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant()).Distinct().Take(20).ToList();
        var page = await store.ListResourcesAsync(
            new ResourceFilter(q?.Length > 200 ? q[..200] : q, tagList, status?.ToLowerInvariant(), from, until, pageSize, cursor), http.HttpContext.RequestAborted);
        return TypedResults.Ok(new Page<ResourceView>(page.Items.Select(ResourceView.From).ToList(), page.NextCursor));
    }

    private static async Task<Ok<IReadOnlyList<TagCount>>> TagsAsync(SqlReadStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.GetTagCountsAsync(ct));

    private static async Task<Results<Ok<ResourceView>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains) =>
        Guid.TryParse(id, out var resourceId) && await grains.GetGrain<IResourceGrain>(resourceId).GetAsync() is { } resource
            ? TypedResults.Ok(ResourceView.From(resource))
            : NotFound(id);

    private static ProblemHttpResult NotFound(string id) =>
        Problem.Of(404, "resource_not_found", $"Resource '{(id.Length > 64 ? id[..64] + "…" : id)}' does not exist.");

    private static bool TryParseDuration(string? text, out TimeSpan? duration)
    {
        duration = null;
        if (text is null)
        {
            return true;
        }

        try
        {
            duration = XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
