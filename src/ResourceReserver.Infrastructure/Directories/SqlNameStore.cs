using System.Data.Common;
using ResourceReserver.Grains;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Storage;

namespace ResourceReserver.Infrastructure.Directories;

/// <summary>
/// Claimed names as rows of <c>name_claims</c>, one transaction per claim or batch. Uniqueness is the primary key's:
/// an insert that meets a claimed name (committed, or in a transaction still running, which it waits for) inserts
/// nothing, on either dialect and from any silo.
/// </summary>
public sealed class SqlNameStore(DbDataSource dataSource) : INameStore
{
    // A name released between our refused insert and the look-up of its owner is tried again, a few times.
    private const int MaxAttempts = 3;

    /// <summary>The stored form of a name: uniqueness ignores case and surrounding blanks.</summary>
    public static string Normalize(string name) => name.Trim().ToUpperInvariant();

    /// <inheritdoc />
    public async Task<NameClaim> ClaimAsync(string directory, string name, Guid ownerId, CancellationToken cancellationToken = default)
    {
        var (taken, firstEver) = await ClaimInTransactionAsync(directory, [new NameOwner(name, ownerId)], cancellationToken);
        return new NameClaim(taken.Count == 0, firstEver);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NameOwner>> ClaimAllAsync(string directory, IReadOnlyList<NameOwner> claims, CancellationToken cancellationToken = default) =>
        (await ClaimInTransactionAsync(directory, claims, cancellationToken)).Taken;

    /// <inheritdoc />
    public async Task ReleaseAsync(string directory, string name, Guid ownerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var delete = connection.Command("DELETE FROM name_claims WHERE directory = @directory AND name = @name AND owner_id = @owner")
            .With("directory", directory).With("name", Normalize(name)).With("owner", ownerId.ToString());
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Guid?> FindAsync(string directory, string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await OwnerAsync(connection, null, directory, Normalize(name), cancellationToken);
    }

    /// <summary>The names other owners hold (nothing was stored then), and whether this was the directory's first claim ever.</summary>
    private async Task<(IReadOnlyList<NameOwner> Taken, bool FirstEver)> ClaimInTransactionAsync(
        string directory, IReadOnlyList<NameOwner> claims, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.Command(
            "INSERT INTO name_claims (directory, name, owner_id) VALUES (@directory, @name, @owner) ON CONFLICT (directory, name) DO NOTHING",
            transaction).With("directory", directory).With("name", "").With("owner", "");
        var taken = new List<NameOwner>();
        var inserted = 0;

        // In one order for every transaction, so two batches waiting on each other's names cannot deadlock.
        foreach (var claim in claims.Select(c => (c.Name, Key: Normalize(c.Name), c.OwnerId)).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            insert.Parameters["name"].Value = claim.Key;
            insert.Parameters["owner"].Value = claim.OwnerId.ToString();
            for (var attempt = 1; ; attempt++)
            {
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    inserted++;
                    break;
                }

                if (await OwnerAsync(connection, transaction, directory, claim.Key, cancellationToken) is { } owner)
                {
                    if (owner != claim.OwnerId)
                    {
                        taken.Add(new NameOwner(claim.Name, owner));
                    }

                    break;
                }

                if (attempt == MaxAttempts)
                {
                    throw new InvalidOperationException($"The name '{claim.Key}' kept changing hands; try again.");
                }
            }
        }

        if (taken.Count > 0 || inserted == 0)
        {
            // All or nothing: names of this batch inserted before the refusal go with the rollback.
            await transaction.RollbackAsync(cancellationToken);
            return (taken, false);
        }

        await using var note = connection.Command("INSERT INTO name_directories (directory) VALUES (@directory) ON CONFLICT (directory) DO NOTHING", transaction)
            .With("directory", directory);
        var first = await note.ExecuteNonQueryAsync(cancellationToken) == 1;
        await transaction.CommitAsync(cancellationToken);
        return (taken, first);
    }

    private static async Task<Guid?> OwnerAsync(DbConnection connection, DbTransaction? transaction, string directory, string key, CancellationToken cancellationToken)
    {
        await using var select = connection.Command("SELECT owner_id FROM name_claims WHERE directory = @directory AND name = @name", transaction)
            .With("directory", directory).With("name", key);
        return await select.ExecuteScalarAsync(cancellationToken) is string owner ? Guid.Parse(owner) : null;
    }
}
