namespace ResourceReserver.Contracts;

/// <summary>A resource as its grain holds it: details plus status and bookkeeping.</summary>
[GenerateSerializer, Immutable, Alias("rr.ResourceSnapshot")]
public sealed record ResourceSnapshot
{
    /// <summary>The resource id (the grain key).</summary>
    [Id(0)] public Guid Id { get; init; }

    /// <summary>Descriptive fields, capacity and rules.</summary>
    [Id(1)] public required ResourceDetails Details { get; init; }

    /// <summary>Whether bookings are taken.</summary>
    [Id(2)] public ResourceStatus Status { get; init; }

    /// <summary>When maintenance ends by itself, if it does.</summary>
    [Id(3)] public DateTimeOffset? StatusResetsAt { get; init; }

    /// <summary>When the resource was created.</summary>
    [Id(4)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    [Id(5)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>True once deleted; a deleted resource answers as not found.</summary>
    [Id(6)] public bool Deleted { get; init; }

    /// <summary>Increases with every change; projections apply only newer versions.</summary>
    [Id(7)] public long Version { get; init; }
}
