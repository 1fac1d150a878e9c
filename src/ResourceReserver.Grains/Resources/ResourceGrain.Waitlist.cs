namespace ResourceReserver.Resources;

public sealed partial class ResourceGrain
{
    /// <summary>
    /// Runs after a committed decision released capacity. The waitlist (issue 4) hooks in here; until then
    /// nothing waits for freed capacity.
    /// </summary>
    private Task OnCapacityFreedAsync(IReadOnlyList<TimeRange> freed) => Task.CompletedTask;
}
