namespace ResourceReserver.Resources;

/// <summary>
/// Where a resource's segments are ("resource-index"): a hint for reading, never part of a decision. Segments
/// are numbered in the order they were opened and each number is created once (a second creation fails its
/// version check), so a segment the index does not list yet is found by probing upwards from
/// <see cref="NextSegment"/>; only sealed, emptied segments leave the list.
/// </summary>
[GenerateSerializer, Alias("rr.ResourceIndex")]
public sealed class ResourceIndex
{
    /// <summary>Numbers of the live segments, oldest first.</summary>
    [Id(0)] public List<int> Segments { get; set; } = [];

    /// <summary>The number the next segment gets; segments at or above it are found by probing.</summary>
    [Id(1)] public int NextSegment { get; set; }

    /// <summary>A copy, so a write in flight never sees later changes.</summary>
    public ResourceIndex Copy() => new() { Segments = [.. Segments], NextSegment = NextSegment };
}
