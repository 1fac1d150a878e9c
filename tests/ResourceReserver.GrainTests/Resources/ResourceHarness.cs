using ResourceReserver.Contracts;
using System.Text.Json;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Resources;
using ResourceReserver.Scheduling;
using ResourceReserver.Storage;

namespace ResourceReserver.GrainTests.Resources;

/// <summary>
/// Drives one resource's decisions and commits directly on a store, outside any grain, so a test can hold two
/// views of one resource at once (as a stale duplicate activation would) and commit them the way the grain does.
/// </summary>
internal sealed class ResourceHarness(IResourceStore store)
{
    public Guid Id { get; } = Guid.NewGuid();

    public async Task<ResourceBook> LoadAsync() => new(Id, await store.LoadAsync(Id), new SchedulingDefaults());

    /// <summary>Takes a decision that must succeed and change something; returns what it changed (already applied).</summary>
    public static ResourceChanges Decide<T>(ResourceBook book, DateTimeOffset now, Func<ResourceBook, DateTimeOffset, Decided<T>> decide)
    {
        var decided = book.Decide(decide, now);
        Assert.True(decided.Outcome.IsSuccess, decided.Outcome.Error?.Code);
        Assert.False(decided.Changes.IsEmpty);
        return decided.Changes;
    }

    /// <summary>Commits behind the book's version; true (and the version moves on) when the fence held.</summary>
    public async Task<bool> CommitAsync(ResourceBook book, ResourceChanges changes)
    {
        var committed = await store.CommitAsync(changes.ToCommit(book.Id, book.Version, []));
        if (committed)
        {
            book.Version++;
        }

        return committed;
    }

    /// <summary>Decides and commits; the fence must hold.</summary>
    public async Task<ResourceChanges> DoAsync<T>(ResourceBook book, DateTimeOffset now, Func<ResourceBook, DateTimeOffset, Decided<T>> decide)
    {
        var changes = Decide(book, now, decide);
        Assert.True(await CommitAsync(book, changes), "the fence failed");
        return changes;
    }

    /// <summary>Everything a resource's state holds, comparable as text.</summary>
    public static string Describe(ResourceBook book) => JsonSerializer.Serialize(new
    {
        book.Version,
        book.Resource,
        book.HoldTiming,
        book.Demand,
        Reservations = book.Reservations.Values.OrderBy(r => r.Id).ToList(),
        Holds = book.Holds.Values.OrderBy(h => h.Id).ToList(),
        Answers = book.Answers.Values.OrderBy(a => a.Key, StringComparer.Ordinal).ToList(),
    }, ReadStoreJson.Options);
}
