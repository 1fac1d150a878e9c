using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;
using ResourceReserver.Scheduling;

namespace ResourceReserver.Host.Apis;

public static partial class ResourcesApi
{
    private static async Task<Results<Ok<ResourceView>, ProblemHttpResult>> UpdateAsync(string id, UpdateResourceRequest request, HttpContext http, IGrainFactory grains)
    {
        if (!Guid.TryParse(id, out var resourceId) || await grains.GetGrain<IResourceGrain>(resourceId).GetAsync() is not { } current)
        {
            return NotFound(id);
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

        var names = grains.GetGrain<INameDirectoryGrain>(INameDirectoryGrain.ResourceNames);
        var renamed = request.Name is { } newName && !string.Equals(newName.Trim(), current.Details.Name, StringComparison.OrdinalIgnoreCase);
        if (request.Name is not null && string.IsNullOrWhiteSpace(request.Name))
        {
            return Problem.Invalid("name", "The name may not be empty.");
        }

        if (renamed && request.Name!.Length <= Resources.ResourceDetailsValidator.MaxNameLength && !(await names.ClaimAsync(request.Name, resourceId)).Granted)
        {
            return Problem.Of(409, "name_taken", $"A resource named '{request.Name.Trim()}' already exists.");
        }

        var patch = new ResourcePatch
        {
            BusinessHours = hours,
            ClearBusinessHours = request.UseDefaultBusinessHours == true,
            Blackouts = blackouts,
            Name = request.Name,
            Description = request.Description,
            Tags = request.Tags,
            Capacity = request.Capacity,
            TimeZone = request.TimeZone,
            Attributes = request.Attributes,
            Location = request.Location,
            Rules = request.Rules?.ApplyTo(current.Details.Rules),
        };
        var outcome = await grains.GetGrain<IResourceGrain>(resourceId).UpdateAsync(patch, http.User.Actor());
        if (renamed)
        {
            // Keep exactly one name claimed: the new one on success, the old one on failure.
            await names.ReleaseAsync(outcome.IsSuccess ? current.Details.Name : request.Name!, resourceId);
        }

        return outcome.IsSuccess ? TypedResults.Ok(ResourceView.From(outcome.Value!)) : Problem.From(outcome.Error!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, HttpContext http, IGrainFactory grains)
    {
        if (!Guid.TryParse(id, out var resourceId))
        {
            return NotFound(id);
        }

        var outcome = await grains.GetGrain<IResourceGrain>(resourceId).DeleteAsync(http.User.Actor());
        if (!outcome.IsSuccess)
        {
            return Problem.From(outcome.Error!);
        }

        await grains.GetGrain<INameDirectoryGrain>(INameDirectoryGrain.ResourceNames).ReleaseAsync(outcome.Value!.Details.Name, resourceId);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ResourceView>, ProblemHttpResult>> SetStatusAsync(string id, SetStatusRequest request, HttpContext http, IGrainFactory grains)
    {
        if (!Guid.TryParse(id, out var resourceId))
        {
            return NotFound(id);
        }

        if (!EnumText.TryParse<ResourceStatus>(request.Status, out var status))
        {
            return Problem.Invalid("status", "status must be available, disabled or maintenance.");
        }

        if (!TryParseDuration(request.AutoResetAfter, out var resetAfter))
        {
            return Problem.Invalid("autoResetAfter", "autoResetAfter must be an ISO 8601 duration such as PT8H.");
        }

        var outcome = await grains.GetGrain<IResourceGrain>(resourceId).SetStatusAsync(status, resetAfter, http.User.Actor());
        return outcome.IsSuccess ? TypedResults.Ok(ResourceView.From(outcome.Value!)) : Problem.From(outcome.Error!);
    }

    private static async Task<Results<Ok<AvailabilityView>, ProblemHttpResult>> AvailabilityAsync(string id, string? from, string? until, HttpContext http, IGrainFactory grains)
    {
        if (!Guid.TryParse(id, out var resourceId))
        {
            return NotFound(id);
        }

        if (!Instants.TryParseOptional(from, out var start) || !Instants.TryParseOptional(until, out var end))
        {
            return Problem.Invalid("from", "from and until must be ISO 8601 instants with an offset.");
        }

        var windowStart = start ?? DateTimeOffset.UtcNow;
        if (windowStart < BookingPolicy.EarliestInstant || windowStart > BookingPolicy.LatestInstant)
        {
            return Problem.Of(422, "invalid_time", $"Times must lie between {BookingPolicy.EarliestInstant:yyyy-MM-dd} and {BookingPolicy.LatestInstant:yyyy-MM-dd}.");
        }

        var windowEnd = end ?? windowStart.AddDays(7);
        var isAdmin = http.User.IsInRole(Roles.Admin);
        var outcome = await grains.GetGrain<IResourceGrain>(resourceId).GetAvailabilityAsync(windowStart, windowEnd, isAdmin);
        return outcome.IsSuccess ? TypedResults.Ok(outcome.Value!) : Problem.From(outcome.Error!);
    }
}
