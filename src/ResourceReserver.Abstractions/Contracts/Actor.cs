namespace ResourceReserver.Contracts;

/// <summary>Who asks for a change: grains check ownership against it.</summary>
[GenerateSerializer, Immutable, Alias("rr.Actor")]
public readonly record struct Actor([property: Id(0)] Guid UserId, [property: Id(1)] bool IsAdmin);
