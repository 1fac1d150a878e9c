using ResourceReserver.Grains;

namespace ResourceReserver.Storage;

/// <summary>
/// Where claimed names live: one row per name under a unique key (directory, normalised name) in the database, so
/// the store itself decides uniqueness and a claim costs one small transaction however many names exist.
/// </summary>
public interface INameStore
{
    /// <summary>Claims a name for an owner; granted if it was free or already the owner's. Tells if it was the directory's first claim ever.</summary>
    Task<NameClaim> ClaimAsync(string directory, string name, Guid ownerId, CancellationToken cancellationToken = default);

    /// <summary>Claims every name in one transaction, or none; the answer lists the names other owners hold (empty when all were granted).</summary>
    Task<IReadOnlyList<NameOwner>> ClaimAllAsync(string directory, IReadOnlyList<NameOwner> claims, CancellationToken cancellationToken = default);

    /// <summary>Frees a name if the owner holds it.</summary>
    Task ReleaseAsync(string directory, string name, Guid ownerId, CancellationToken cancellationToken = default);

    /// <summary>The owner of a name, if any.</summary>
    Task<Guid?> FindAsync(string directory, string name, CancellationToken cancellationToken = default);
}
