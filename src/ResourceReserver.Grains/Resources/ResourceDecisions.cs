using ResourceReserver.Events;
using ResourceReserver.Scheduling;
using ResourceReserver.Storage;

namespace ResourceReserver.Resources;

/// <summary>
/// The resource itself: create, change, status, delete, and the completion of ended reservations. Pure, like
/// <see cref="BookingDecisions"/>.
/// </summary>
internal static class ResourceDecisions
{
    private const string DeletedReason = "The resource was deleted.";

    public static Decided<ResourceSnapshot> Create(ResourceBook book, ResourceDetails details, Actor actor, DateTimeOffset now)
    {
        if (book.Resource is not null)
        {
            return DomainError.Conflict(ProblemCode.ResourceExists, $"Resource {book.Id} already exists.");
        }

        details = ResourceDetailsValidator.Normalize(details);
        if (ResourceDetailsValidator.Validate(details) is { } invalid)
        {
            return invalid;
        }

        var resource = new ResourceSnapshot { Id = book.Id, Details = details, CreatedAt = now, UpdatedAt = now, Version = 1 };
        return Changed(resource, EventTypes.ResourceCreated, actor.UserId, now, new ResourceChanges());
    }

    /// <summary>A partial update; capacity may not drop below what is already booked from now on.</summary>
    public static Decided<ResourceSnapshot> Update(ResourceBook book, ResourcePatch patch, Actor actor, DateTimeOffset now)
    {
        if (book.Missing() is { } missing)
        {
            return missing;
        }

        var current = book.Resource!;
        if (patch.ExpectedVersion is { } expected && expected != current.Version)
        {
            return DomainError.Conflict(ProblemCode.Conflict, $"The resource is at version {current.Version}, not {expected}; read it again.");
        }

        var details = ResourceDetailsValidator.Normalize(ResourceDetailsValidator.Apply(current.Details, patch));
        if (ResourceDetailsValidator.Validate(details) is { } invalid)
        {
            return invalid;
        }

        if (details.Capacity < current.Details.Capacity)
        {
            var booked = book.Index.PeakLoad(new TimeRange(now, BookingPolicy.LatestInstant));
            if (booked > details.Capacity)
            {
                return DomainError.Conflict(ProblemCode.CapacityBelowBookings, $"{booked} units are already booked at once; the capacity cannot go below that.");
            }
        }

        var updated = current with { Details = details, UpdatedAt = now, Version = current.Version + 1 };
        return Changed(updated, EventTypes.ResourceUpdated, actor.UserId, now, new ResourceChanges());
    }

    public static Decided<ResourceSnapshot> SetStatus(ResourceBook book, ResourceStatus status, TimeSpan? autoResetAfter, Actor? actor, DateTimeOffset now)
    {
        if (book.Missing() is { } missing)
        {
            return missing;
        }

        var current = book.Resource!;
        var updated = current with
        {
            Status = status,
            StatusResetsAt = autoResetAfter is { } after ? now + after : null,
            UpdatedAt = now,
            Version = current.Version + 1,
        };
        var type = status == ResourceStatus.Available ? EventTypes.ResourceAvailable : EventTypes.ResourceUnavailable;
        return Changed(updated, type, actor?.UserId, now, new ResourceChanges());
    }

    /// <summary>Deletes the resource and cancels every reservation that has not ended, in one commit.</summary>
    public static Decided<ResourceSnapshot> Delete(ResourceBook book, Actor actor, DateTimeOffset now)
    {
        if (book.Missing() is { } missing)
        {
            return missing;
        }

        var changes = new ResourceChanges();
        foreach (var leftover in book.Reservations.Values.Where(r => r.Status is ReservationStatus.Confirmed or ReservationStatus.PendingApproval && r.End > now).ToList())
        {
            BookingDecisions.CancelReservation(leftover, actor, DeletedReason, now, changes);
        }

        var current = book.Resource!;
        var deleted = current with { Deleted = true, UpdatedAt = now, Version = current.Version + 1 };
        return Changed(deleted, EventTypes.ResourceDeleted, actor.UserId, now, changes);
    }

    /// <summary>
    /// Ended reservations leave the grain (confirmed ones as completed); their rows stay as history. Expired
    /// remembered answers are forgotten. Nothing to do is a refusal that writes nothing.
    /// </summary>
    public static Decided<int> CompleteEnded(ResourceBook book, DateTimeOffset now)
    {
        var ended = book.Reservations.Values.Where(r => r.End <= now).ToList();
        var expiredAnswers = book.Answers.Values.Any(a => a.ExpiresAt <= now);
        if (ended.Count == 0 && !expiredAnswers)
        {
            return DomainError.Conflict(ProblemCode.NothingEnded, "No reservation has ended.");
        }

        var changes = new ResourceChanges();
        foreach (var reservation in ended)
        {
            if (reservation.Status == ReservationStatus.Confirmed)
            {
                var completed = reservation with { Status = ReservationStatus.Completed, UpdatedAt = now, Version = reservation.Version + 1 };
                changes.Put(ReservationRow.Archive(completed));
                changes.Record(EventTypes.ReservationCompleted, now, null, completed);
            }
            else if (reservation.Status == ReservationStatus.PendingApproval)
            {
                ApprovalDecisions.Settle(reservation, now, changes);
            }
            else
            {
                changes.Put(ReservationRow.Archive(reservation));
            }
        }

        if (expiredAnswers)
        {
            changes.ForgetAnswers(now);
        }

        return new Decided<int>(ended.Count, changes);
    }

    private static Decided<ResourceSnapshot> Changed(ResourceSnapshot resource, string type, Guid? actorId, DateTimeOffset now, ResourceChanges changes)
    {
        changes.SetResource(resource);
        changes.Record(type, now, actorId, resource: resource);
        return new Decided<ResourceSnapshot>(resource, changes);
    }
}
