using ResourceReserver.Grains;
using ResourceReserver.GrainTests.Fixtures;
using ResourceReserver.Infrastructure.Directories;
using ResourceReserver.Infrastructure.Schema;

namespace ResourceReserver.GrainTests.Directories;

/// <summary>
/// The name store on both dialects: a batch claims all its names or none, and racing batches and single claims of
/// clashing names give each name to exactly one owner, never part of a batch.
/// </summary>
public sealed class NameStoreTests(StoreDatabases databases) : IClassFixture<StoreDatabases>
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_batch_meeting_one_taken_name_claims_none_and_names_its_owner(string dialect)
    {
        var (store, directory) = await StoreAsync(dialect);
        var (holder, importer) = (Guid.NewGuid(), Guid.NewGuid());
        await store.ClaimAsync(directory, "Room M", holder);

        var taken = await store.ClaimAllAsync(directory, [new("Room A", importer), new("room m ", importer), new("Room Z", importer)]);

        Assert.Equal([new NameOwner("room m ", holder)], taken);
        Assert.Null(await store.FindAsync(directory, "Room A"));
        Assert.Null(await store.FindAsync(directory, "Room Z"));
        Assert.Equal(holder, await store.FindAsync(directory, "ROOM M"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Racing_batches_and_single_claims_give_each_name_to_one_owner_and_batches_all_or_nothing(string dialect)
    {
        var (store, directory) = await StoreAsync(dialect);
        var names = Enumerable.Range(0, 30).Select(i => $"Clash {i:D2}").ToList();
        var batches = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();
        var singles = names.ToDictionary(n => n, _ => Guid.NewGuid());

        var batchClaims = batches.Select((owner, b) => Task.Run(() => store.ClaimAllAsync(directory,
            (b % 2 == 0 ? names : names.AsEnumerable().Reverse()).Select(n => new NameOwner(b % 3 == 0 ? n.ToUpperInvariant() : n, owner)).ToList())));
        var singleClaims = singles.Select(s => Task.Run(() => store.ClaimAsync(directory, s.Key.ToLowerInvariant(), s.Value)));
        var batchAnswers = await Task.WhenAll(batchClaims);
        var singleAnswers = await Task.WhenAll(singleClaims);

        var owners = new Dictionary<string, Guid>();
        foreach (var name in names)
        {
            owners[name] = Assert.IsType<Guid>(await store.FindAsync(directory, name));
        }

        for (var b = 0; b < batches.Count; b++)
        {
            var held = names.Count(n => owners[n] == batches[b]);
            Assert.Equal(batchAnswers[b].Count == 0 ? names.Count : 0, held);
        }

        Assert.True(batchAnswers.Count(a => a.Count == 0) <= 1);
        Assert.All(singles.Zip(singleAnswers), s => Assert.Equal(s.Second.Granted, owners[s.First.Key] == s.First.Value));
        Assert.All(names, n => Assert.Contains(owners[n], batches.Concat(singles.Values)));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Concurrent_first_claims_flag_exactly_one_as_first_ever(string dialect)
    {
        var (store, directory) = await StoreAsync(dialect);

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => store.ClaimAsync(directory, $"user{i % 5}", Guid.NewGuid()))));

        Assert.Equal(5, claims.Count(c => c.Granted));
        Assert.Single(claims, c => c.FirstEver);
    }

    private async Task<(SqlNameStore Store, string Directory)> StoreAsync(string dialect)
    {
        var database = await databases.DatabaseAsync(dialect == "postgres" ? SqlDialect.Postgres : SqlDialect.Sqlite);
        return (new SqlNameStore(database.DataSource), $"test-{Guid.NewGuid():N}");
    }
}
