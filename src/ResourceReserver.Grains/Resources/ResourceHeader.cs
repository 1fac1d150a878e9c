using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Outbox;

namespace ResourceReserver.Resources;

/// <summary>
/// The small row of a resource ("resource-header"): details, status, rules, hold timing and the list of its
/// reservation segments. Written only for resource-level changes and when a new segment is opened.
/// </summary>
[GenerateSerializer, Alias("rr.ResourceHeader")]
public sealed class ResourceHeader : IHasOutbox
{
    [Id(0)] public ResourceSnapshot? Resource { get; set; }

    /// <summary>Events of resource-level changes; reservation events live in their segment's outbox.</summary>
    [Id(1)] public List<DomainEvent> Outbox { get; set; } = [];

    /// <summary>How long holds and offers stand on this resource; null means the defaults.</summary>
    [Id(2)] public HoldTiming? HoldTiming { get; set; }

    /// <summary>Numbers of the live segments, oldest first.</summary>
    [Id(3)] public List<int> Segments { get; set; } = [];

    /// <summary>The number the next segment gets; segments at or above it are found by probing after a crash.</summary>
    [Id(4)] public int NextSegment { get; set; }

    /// <summary>A shallow copy, so a write in flight never sees later decisions.</summary>
    public ResourceHeader Copy() => new()
    {
        Resource = Resource,
        Outbox = [.. Outbox],
        HoldTiming = HoldTiming,
        Segments = [.. Segments],
        NextSegment = NextSegment,
    };
}
