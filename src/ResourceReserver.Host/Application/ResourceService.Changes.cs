using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Apis;
using ResourceReserver.Resources;
using ResourceReserver.Scheduling;

namespace ResourceReserver.Host.Application;

public sealed partial class ResourceService
{
    /// <summary>Applies a partial update (administrators only); a rename claims the new name first.</summary>
    public async Task<Outcome<ResourceView>> UpdateAsync(Actor actor, string id, UpdateResourceRequest request)
    {
        if (Caller.Require(actor, Permission.ResourcesManage) is { } forbidden)
        {
            return forbidden;
        }

        if (!Guid.TryParse(id, out var resourceId) || await grains.GetGrain<IResourceGrain>(resourceId).GetAsync() is not { } current)
        {
            return NotFound(id);
        }

        if (request.Rules?.RangeProblem() is { } rulesProblem)
        {
            return Refusal.Invalid("rules", rulesProblem);
        }

        if (request.Rules?.ApprovalProblem() is { } approvalProblem)
        {
            return Refusal.Invalid("rules", approvalProblem);
        }

        var (hours, blackouts, badField, badHours) = OpeningPeriodBody.Parse(request.BusinessHours, request.Blackouts);
        if (badField is not null)
        {
            return Refusal.Invalid(badField, badHours!);
        }

        if (await organisation.CheckAsync(request.GroupId, request.Labels) is { } badReference)
        {
            return badReference;
        }

        var names = grains.GetGrain<INameDirectoryGrain>(INameDirectoryGrain.ResourceNames);
        var renamed = request.Name is { } newName && !string.Equals(newName.Trim(), current.Details.Name, StringComparison.OrdinalIgnoreCase);
        if (request.Name is not null && string.IsNullOrWhiteSpace(request.Name))
        {
            return Refusal.Invalid("name", "The name may not be empty.");
        }

        if (renamed && request.Name!.Length <= ResourceDetailsValidator.MaxNameLength && !(await names.ClaimAsync(request.Name, resourceId)).Granted)
        {
            return NameTaken(request.Name);
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
            GroupId = request.GroupId,
            ClearGroup = request.RemoveFromGroup == true,
            Labels = request.Labels,
        };
        var outcome = await grains.GetGrain<IResourceGrain>(resourceId).UpdateAsync(patch, actor);
        if (renamed)
        {
            // Keep exactly one name claimed: the new one on success, the old one on failure.
            await names.ReleaseAsync(outcome.IsSuccess ? current.Details.Name : request.Name!, resourceId);
        }

        return outcome.IsSuccess ? ResourceView.From(outcome.Value!) : outcome.Error!;
    }

    /// <summary>Sets available, disabled or maintenance (administrators only), optionally resetting by itself.</summary>
    public async Task<Outcome<ResourceView>> SetStatusAsync(Actor actor, string id, SetStatusRequest request)
    {
        if (Caller.Require(actor, Permission.ResourcesManage) is { } forbidden)
        {
            return forbidden;
        }

        if (!Guid.TryParse(id, out var resourceId))
        {
            return NotFound(id);
        }

        if (!EnumText.TryParse<ResourceStatus>(request.Status, out var status))
        {
            return Refusal.Invalid("status", "status must be available, disabled or maintenance.");
        }

        if (!TryParseDuration(request.AutoResetAfter, out var resetAfter))
        {
            return Refusal.Invalid("autoResetAfter", "autoResetAfter must be an ISO 8601 duration such as PT8H.");
        }

        var outcome = await grains.GetGrain<IResourceGrain>(resourceId).SetStatusAsync(status, resetAfter, actor);
        return outcome.IsSuccess ? ResourceView.From(outcome.Value!) : outcome.Error!;
    }

    /// <summary>Busy and free time in a window (default now + 7 days); reservation ids only for administrators.</summary>
    public async Task<Outcome<AvailabilityView>> AvailabilityAsync(Actor? actor, string id, string? from, string? until)
    {
        if (!Guid.TryParse(id, out var resourceId))
        {
            return NotFound(id);
        }

        if (!Instants.TryParseOptional(from, out var start) || !Instants.TryParseOptional(until, out var end))
        {
            return Refusal.Invalid("from", "from and until must be ISO 8601 instants with an offset.");
        }

        var windowStart = start ?? DateTimeOffset.UtcNow;
        if (windowStart < BookingPolicy.EarliestInstant || windowStart > BookingPolicy.LatestInstant)
        {
            return DomainError.Invalid(ProblemCode.InvalidTime, $"Times must lie between {BookingPolicy.EarliestInstant:yyyy-MM-dd} and {BookingPolicy.LatestInstant:yyyy-MM-dd}.");
        }

        var windowEnd = end ?? windowStart.AddDays(7);
        return await grains.GetGrain<IResourceGrain>(resourceId).GetAvailabilityAsync(windowStart, windowEnd, actor?.IsAdmin == true);
    }
}
