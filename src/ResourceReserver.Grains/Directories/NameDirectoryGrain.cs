using Orleans.Concurrency;
using ResourceReserver.Storage;

namespace ResourceReserver.Directories;

/// <summary>
/// Decides uniqueness of names (usernames, resource names), case-insensitively, through the name store: one row per
/// name under a unique key, so a claim costs the same however many names exist. The store decides, not the
/// activation, hence a stateless worker: claims of one directory run side by side on every silo.
/// </summary>
[StatelessWorker]
public sealed class NameDirectoryGrain(INameStore store) : Grain, INameDirectoryGrain
{
    private string Directory => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public Task<NameClaim> ClaimAsync(string name, Guid ownerId) => store.ClaimAsync(Directory, name, ownerId);

    /// <inheritdoc />
    public Task<IReadOnlyList<NameOwner>> ClaimAllAsync(IReadOnlyList<NameOwner> claims) => store.ClaimAllAsync(Directory, claims);

    /// <inheritdoc />
    public Task ReleaseAsync(string name, Guid ownerId) => store.ReleaseAsync(Directory, name, ownerId);

    /// <inheritdoc />
    public Task<Guid?> FindAsync(string name) => store.FindAsync(Directory, name);
}
