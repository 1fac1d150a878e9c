using Microsoft.Extensions.Logging;
using ResourceReserver.Outbox;

namespace ResourceReserver.Directories;

/// <summary>
/// Decides uniqueness of names (usernames, resource names), case-insensitively. One activation per directory
/// serialises claims. It holds only name → id pairs, so it stays small; shard by key prefix if it ever grows.
/// </summary>
public sealed class NameDirectoryGrain : Grain, INameDirectoryGrain
{
    private readonly IPersistentState<NameDirectoryState> _state;
    private readonly StateCommitter<NameDirectoryState> _committer;

    /// <summary>Creates the grain with its state and the write discipline.</summary>
    public NameDirectoryGrain(
        [PersistentState("name-directory")] IPersistentState<NameDirectoryState> state,
        OutboxRelay relay,
        ILogger<NameDirectoryGrain> logger)
    {
        _state = state;
        _committer = new StateCommitter<NameDirectoryState>(this, state, relay, logger);
    }

    /// <inheritdoc />
    public async Task<NameClaim> ClaimAsync(string name, Guid ownerId)
    {
        var key = Normalize(name);
        if (_state.State.Owners.TryGetValue(key, out var owner))
        {
            return new NameClaim(owner == ownerId, false);
        }

        var firstEver = !_state.State.EverClaimed;
        var outcome = await _committer.CommitAsync(() =>
        {
            _state.State.Owners[key] = ownerId;
            _state.State.EverClaimed = true;
            return Outcome<bool>.Ok(true);
        });
        return new NameClaim(outcome.IsSuccess, firstEver && outcome.IsSuccess);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NameOwner>> ClaimAllAsync(IReadOnlyList<NameOwner> claims)
    {
        IReadOnlyList<NameOwner> taken = [];

        // Decided inside the commit so a re-read after a version conflict decides again on the fresh map. One write for
        // the whole batch: the cost of storing the map is paid once, not once per name.
        var outcome = await _committer.CommitAsync<bool>(() =>
        {
            taken = claims
                .Select(c => _state.State.Owners.TryGetValue(Normalize(c.Name), out var owner) && owner != c.OwnerId ? new NameOwner(c.Name, owner) : null)
                .OfType<NameOwner>()
                .ToList();
            var fresh = claims.Where(c => !_state.State.Owners.ContainsKey(Normalize(c.Name))).ToList();
            if (taken.Count > 0 || fresh.Count == 0)
            {
                return DomainError.Conflict(ProblemCode.NameTaken, "Nothing to claim.");
            }

            fresh.ForEach(c => _state.State.Owners[Normalize(c.Name)] = c.OwnerId);
            _state.State.EverClaimed = true;
            return Outcome<bool>.Ok(true);
        });
        return outcome.IsSuccess || taken.Count > 0 || outcome.Error!.Code == ProblemCode.NameTaken.Value
            ? taken
            : throw new InvalidOperationException(outcome.Error.Message);
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(string name, Guid ownerId)
    {
        var key = Normalize(name);
        if (_state.State.Owners.TryGetValue(key, out var owner) && owner == ownerId)
        {
            await _committer.CommitAsync(() => Outcome<bool>.Ok(_state.State.Owners.Remove(key)));
        }
    }

    /// <inheritdoc />
    public Task<Guid?> FindAsync(string name) =>
        Task.FromResult(_state.State.Owners.TryGetValue(Normalize(name), out var owner) ? owner : (Guid?)null);

    private static string Normalize(string name) => name.Trim().ToUpperInvariant();
}

/// <summary>The persisted name → owner map.</summary>
[GenerateSerializer, Alias("rr.NameDirectoryState")]
public sealed class NameDirectoryState : IHasOutbox
{
    [Id(0)] public Dictionary<string, Guid> Owners { get; set; } = [];

    /// <summary>True once anything was ever claimed: the first user becomes admin.</summary>
    [Id(1)] public bool EverClaimed { get; set; }

    [Id(2)] public List<Events.DomainEvent> Outbox { get; set; } = [];
}
