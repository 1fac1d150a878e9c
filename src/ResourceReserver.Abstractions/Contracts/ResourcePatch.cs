namespace ResourceReserver.Contracts;

/// <summary>A partial update of a resource: null fields are left as they are.</summary>
[GenerateSerializer, Immutable, Alias("rr.ResourcePatch")]
public sealed record ResourcePatch
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? Description { get; init; }
    [Id(2)] public IReadOnlyList<string>? Tags { get; init; }
    [Id(3)] public int? Capacity { get; init; }
    [Id(4)] public string? TimeZone { get; init; }
    [Id(5)] public IReadOnlyDictionary<string, string>? Attributes { get; init; }
    [Id(6)] public string? Location { get; init; }
    [Id(7)] public BookingRules? Rules { get; init; }
    [Id(9)] public BusinessHours? BusinessHours { get; init; }

    /// <summary>True to drop the resource's own hours and follow the global default again.</summary>
    [Id(10)] public bool ClearBusinessHours { get; init; }
    [Id(11)] public IReadOnlyList<DateOnly>? Blackouts { get; init; }
    [Id(12)] public Guid? GroupId { get; init; }

    /// <summary>True to take the resource out of its group.</summary>
    [Id(13)] public bool ClearGroup { get; init; }
    [Id(14)] public IReadOnlyList<Guid>? Labels { get; init; }

    /// <summary>
    /// When set, the patch applies only to this version of the resource (else 409 <c>conflict</c>): a change
    /// computed from a read (a tag rename, a label merge) must not overwrite a write made since.
    /// </summary>
    [Id(15)] public long? ExpectedVersion { get; init; }
}
