using ResourceReserver.Events;

namespace ResourceReserver.Resources;

/// <summary>
/// Deleting a resource cancels reservations in many segments, so it cannot be one row write. The header is
/// written first (the resource is deleted from then on), then the segments; a crash in between leaves
/// confirmed reservations on a deleted resource, which every activation or re-read finds and cancels.
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
        CancelLeftovers(actor, now);
        var current = Ledger.Resource!;
        var deleted = current with { Deleted = true, UpdatedAt = now, Version = current.Version + 1 };
        Ledger.Resource = deleted;
        Ledger.WriteHeaderFirst();
        Record(EventTypes.ResourceDeleted, actor, resource: deleted);
        return deleted;
    });

    private bool NeedsDeletionRepair() =>
        Ledger.Resource is { Deleted: true } && Ledger.Reservations.Values.Any(r => r.Status == ReservationStatus.Confirmed && r.End > Now);

    /// <summary>Finishes a deletion a crash interrupted; nothing to do is not a change.</summary>
    private Outcome<int> DecideDeletionRepair()
    {
        var cancelled = NeedsDeletionRepair() ? CancelLeftovers(null, Now) : 0;
        return cancelled > 0 ? cancelled : DomainError.Conflict("nothing_left", "No reservation is left on the deleted resource.");
    }

    private int CancelLeftovers(Actor? actor, DateTimeOffset now)
    {
        var leftovers = Ledger.Reservations.Values.Where(r => r.Status == ReservationStatus.Confirmed && r.End > now).ToList();
        leftovers.ForEach(r => CancelReservation(r, actor, DeletedReason, now));
        return leftovers.Count;
    }
}
