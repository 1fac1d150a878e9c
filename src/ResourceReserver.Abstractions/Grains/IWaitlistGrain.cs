using Orleans.Concurrency;
using ResourceReserver.Contracts;

namespace ResourceReserver.Grains;

/// <summary>The waitlist of one resource (same key as the resource): a queue in join order, with offers as holds.</summary>
[Alias("rr.IWaitlistGrain")]
public interface IWaitlistGrain : IGrainWithGuidKey
{
    /// <summary>Joins the queue for an exact window, or any window of its length inside a flexible range.</summary>
    [Alias("Join")]
    Task<Outcome<WaitlistEntry>> JoinAsync(Guid entryId, Guid userId, TimeRange window, FlexibleRange? flexible);

    /// <summary>One entry with its current position; only its owner or an administrator may see it.</summary>
    [Alias("Get")]
    Task<Outcome<WaitlistEntry>> GetAsync(Guid entryId, Actor actor);

    /// <summary>The actor's entries in this waitlist (all entries for an administrator when <paramref name="all"/>).</summary>
    [Alias("List")]
    Task<IReadOnlyList<WaitlistEntry>> ListAsync(Actor actor, bool all);

    /// <summary>Leaves the queue; a standing offer is passed on.</summary>
    [Alias("Leave")]
    Task<Outcome<WaitlistEntry>> LeaveAsync(Guid entryId, Actor actor);

    /// <summary>Accepts the standing offer: books it exactly once. 410 offer_expired once the offer lapsed.</summary>
    [Alias("Accept")]
    Task<Outcome<WaitlistEntry>> AcceptAsync(Guid entryId, Actor actor);

    /// <summary>Declines the standing offer; it passes to the next eligible entry.</summary>
    [Alias("Decline")]
    Task<Outcome<WaitlistEntry>> DeclineAsync(Guid entryId, Actor actor);

    /// <summary>Capacity may have freed up: expire due offers and offer what fits, in join order.</summary>
    [Alias("CapacityFreed"), OneWay]
    Task CapacityFreedAsync();
}
