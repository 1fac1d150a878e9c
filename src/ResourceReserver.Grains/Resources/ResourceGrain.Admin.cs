using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Scheduling;

namespace ResourceReserver.Resources;

public sealed partial class ResourceGrain
{
    /// <inheritdoc />
    public Task<Outcome<ResourceSnapshot>> CreateAsync(ResourceDetails details, Actor actor) => CommitAsync<ResourceSnapshot>(() =>
    {
        if (Ledger.Resource is not null)
        {
            return DomainError.Conflict("resource_exists", $"Resource {ResourceId} already exists.");
        }

        details = ResourceDetailsValidator.Normalize(details);
        if (ResourceDetailsValidator.Validate(details) is { } invalid)
        {
            return invalid;
        }

        var now = Now;
        var resource = new ResourceSnapshot { Id = ResourceId, Details = details, CreatedAt = now, UpdatedAt = now, Version = 1 };
        Ledger.Resource = resource;
        Record(EventTypes.ResourceCreated, actor, resource: resource);
        return resource;
    });

    /// <inheritdoc />
    public Task<Outcome<ResourceSnapshot>> UpdateAsync(ResourcePatch patch, Actor actor) => CommitAsync<ResourceSnapshot>(() =>
    {
        if (MissingResource() is { } missing)
        {
            return missing;
        }

        var current = Ledger.Resource!;
        var details = ResourceDetailsValidator.Normalize(ResourceDetailsValidator.Apply(current.Details, patch));
        if (ResourceDetailsValidator.Validate(details) is { } invalid)
        {
            return invalid;
        }

        if (details.Capacity < current.Details.Capacity)
        {
            var booked = _index.PeakLoad(new TimeRange(Now, BookingPolicy.LatestInstant));
            if (booked > details.Capacity)
            {
                return DomainError.Conflict("capacity_below_bookings", $"{booked} units are already booked at once; the capacity cannot go below that.");
            }
        }

        var updated = current with { Details = details, UpdatedAt = Now, Version = current.Version + 1 };
        Ledger.Resource = updated;
        RebuildIndex(); // buffers may have changed, and the index holds padded ranges
        Record(EventTypes.ResourceUpdated, actor, resource: updated);
        return updated;
    });

    /// <inheritdoc />
    public async Task<Outcome<ResourceSnapshot>> SetStatusAsync(ResourceStatus status, TimeSpan? autoResetAfter, Actor actor)
    {
        if (autoResetAfter is { } after && (status != ResourceStatus.Maintenance || after < TimeSpan.FromMinutes(1) || after > TimeSpan.FromDays(365)))
        {
            return DomainError.Invalid("invalid_auto_reset", "autoResetAfter applies to maintenance only and must be between 1 minute and 365 days.");
        }

        var outcome = await CommitAsync(() => DecideStatus(status, autoResetAfter, actor));
        if (outcome.IsSuccess)
        {
            await ScheduleResetAsync(outcome.Value!.StatusResetsAt);
        }

        return outcome;
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == HoldReminder)
        {
            await LapseDueHoldsAsync();
            return;
        }

        if (reminderName == ExpiryReminder)
        {
            await CompleteEndedAsync();
            return;
        }

        if (reminderName != MaintenanceReminder)
        {
            return;
        }

        var resource = Ledger.Resource;
        if (resource is { Deleted: false, Status: ResourceStatus.Maintenance, StatusResetsAt: { } resetAt } && resetAt <= Now)
        {
            await CommitAsync(() => DecideStatus(ResourceStatus.Available, null, null));
        }

        if (Ledger.Resource?.StatusResetsAt is null)
        {
            await ScheduleResetAsync(null);
        }
    }

    private Outcome<ResourceSnapshot> DecideStatus(ResourceStatus status, TimeSpan? autoResetAfter, Actor? actor)
    {
        if (MissingResource() is { } missing)
        {
            return missing;
        }

        var now = Now;
        var current = Ledger.Resource!;
        var updated = current with
        {
            Status = status,
            StatusResetsAt = autoResetAfter is { } after ? now + after : null,
            UpdatedAt = now,
            Version = current.Version + 1,
        };
        Ledger.Resource = updated;
        Record(status == ResourceStatus.Available ? EventTypes.ResourceAvailable : EventTypes.ResourceUnavailable, actor, resource: updated);
        return updated;
    }

    private async Task ScheduleResetAsync(DateTimeOffset? resetAt)
    {
        if (resetAt is { } at)
        {
            // The reminder is persisted, so the reset happens on time even across silo restarts.
            var due = at - Now;
            await this.RegisterOrUpdateReminder(MaintenanceReminder, due < TimeSpan.Zero ? TimeSpan.Zero : due, TimeSpan.FromMinutes(1));
        }
        else if (await this.GetReminder(MaintenanceReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
