using ResourceReserver.Events;

namespace ResourceReserver.Resources;

/// <summary>
/// Deleting a resource cancels every reservation that has not ended. The cancelled copies, the deleted details
/// and the events all go into the open segment, so the deletion is one row write: it happens whole or not at all.
/// </summary>
public sealed partial class ResourceGrain
{
    private const string DeletedReason = "The resource was deleted.";

    /// <inheritdoc />
    public Task<Outcome<ResourceSnapshot>> DeleteAsync(Actor actor) => CommitAsync<ResourceSnapshot>(() =>
    {
        if (MissingResource() is { } missing)
        {
            return missing;
        }

        var now = Now;
        var leftovers = Ledger.Reservations.Values.Where(r => r.Status == ReservationStatus.Confirmed && r.End > now).ToList();
        leftovers.ForEach(r => CancelReservation(r, actor, DeletedReason, now));
        var current = Ledger.Resource!;
        var deleted = current with { Deleted = true, UpdatedAt = now, Version = current.Version + 1 };
        Ledger.Resource = deleted;
        Record(EventTypes.ResourceDeleted, actor, resource: deleted);
        return deleted;
    });
}
