using ResourceReserver.Grains;

namespace ResourceReserver.Resources;

public sealed partial class ResourceGrain
{
    /// <summary>
    /// Runs after a committed decision released capacity: tells the waitlist to offer it. One-way, so the waitlist
    /// can call back into this grain without a deadlock. A poke lost in a crash is made up by the waitlist's own
    /// reconciling reminder, so freed capacity is offered late at worst, never forgotten.
    /// </summary>
    private Task OnCapacityFreedAsync(IReadOnlyList<TimeRange> freed) =>
        GrainFactory.GetGrain<IWaitlistGrain>(ResourceId).CapacityFreedAsync();
}
