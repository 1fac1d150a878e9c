using System.Data.Common;
using ResourceReserver.Contracts;
using ResourceReserver.Events;

namespace ResourceReserver.Infrastructure.Dispatch;

/// <summary>
/// One consumer's share of a dispatcher pass: the new events, the pass's transaction (one per pass, for every
/// consumer), cached look-ups on it, and work to do once it committed.
/// </summary>
public sealed class EventBatch
{
    private readonly EventLog _log;
    private readonly PassState _pass;

    internal EventBatch(IReadOnlyList<DomainEvent> events, DbTransaction transaction, EventLog log, PassState pass)
    {
        Events = events;
        Transaction = transaction;
        _log = log;
        _pass = pass;
    }

    /// <summary>The events, oldest first.</summary>
    public IReadOnlyList<DomainEvent> Events { get; }

    /// <summary>The pass's transaction; a durable consumer writes through it.</summary>
    public DbTransaction Transaction { get; }

    /// <summary>A resource as stored, read once per pass.</summary>
    public async Task<ResourceSnapshot?> ResourceAsync(Guid id, CancellationToken ct)
    {
        if (!_pass.Resources.TryGetValue(id, out var resource))
        {
            _pass.Resources[id] = resource = await _log.GetResourceAsync(Transaction, id, ct);
        }

        return resource;
    }

    /// <summary>An account as last projected, read once per pass.</summary>
    public async Task<UserProfile?> UserAsync(Guid id, CancellationToken ct)
    {
        if (!_pass.Users.TryGetValue(id, out var user))
        {
            _pass.Users[id] = user = await _log.GetUserAsync(Transaction, id, ct);
        }

        return user;
    }

    /// <summary>Up to <paramref name="max"/> active accounts that <paramref name="match"/>, in username order.</summary>
    public Task<IReadOnlyList<UserProfile>> FindUsersAsync(Func<UserProfile, bool> match, int max, CancellationToken ct) =>
        _log.FindUsersAsync(Transaction, match, max, ct);

    /// <summary>The approvers of a resource as found once per pass (see <c>ApproverDirectory</c>).</summary>
    internal Dictionary<Guid, IReadOnlyList<UserProfile>> Approvers => _pass.Approvers;

    /// <summary>Runs after the pass committed (in registration order); a failure is logged and not retried.</summary>
    public void AfterCommit(Func<Task> action) => _pass.AfterCommit.Add(action);

    /// <summary>What the consumers of one pass share.</summary>
    internal sealed class PassState
    {
        public Dictionary<Guid, ResourceSnapshot?> Resources { get; } = [];

        public Dictionary<Guid, UserProfile?> Users { get; } = [];

        public List<Func<Task>> AfterCommit { get; } = [];

        public Dictionary<Guid, IReadOnlyList<UserProfile>> Approvers { get; } = [];
    }
}
