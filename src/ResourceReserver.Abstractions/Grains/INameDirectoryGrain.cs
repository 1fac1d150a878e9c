using Orleans.Concurrency;
namespace ResourceReserver.Grains;

/// <summary>
/// A case-insensitive unique-name registry: usernames (key <see cref="Usernames"/>) and resource names
/// (key <see cref="ResourceNames"/>). Claiming is the one place uniqueness is decided.
/// </summary>
[Alias("rr.INameDirectoryGrain")]
public interface INameDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The directory of usernames.</summary>
    const string Usernames = "directory-usernames";

    /// <summary>The directory of resource names.</summary>
    const string ResourceNames = "directory-resource-names";

    /// <summary>Claims a name for an owner; true if it was free or already the owner's. Also tells if it was the first claim ever.</summary>
    [Alias("Claim")]
    Task<NameClaim> ClaimAsync(string name, Guid ownerId);

    /// <summary>Frees a name if the owner holds it.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string name, Guid ownerId);

    /// <summary>
    /// Claims every name for its owner in one transaction, or none: when any name is held by another owner nothing
    /// is claimed and the answer lists those names with their current owners (empty when all were granted).
    /// </summary>
    [Alias("ClaimAll")]
    Task<IReadOnlyList<NameOwner>> ClaimAllAsync(IReadOnlyList<NameOwner> claims);

    /// <summary>The owner of a name, if any.</summary>
    [Alias("Find"), ReadOnly]
    Task<Guid?> FindAsync(string name);
}

/// <summary>The answer to a claim.</summary>
[GenerateSerializer, Immutable, Alias("rr.NameClaim")]
public sealed record NameClaim([property: Id(0)] bool Granted, [property: Id(1)] bool FirstEver);

/// <summary>A name and the id that holds (or is to hold) it.</summary>
[GenerateSerializer, Immutable, Alias("rr.NameOwner")]
public sealed record NameOwner([property: Id(0)] string Name, [property: Id(1)] Guid OwnerId);
