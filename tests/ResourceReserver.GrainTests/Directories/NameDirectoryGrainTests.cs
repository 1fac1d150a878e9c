using ResourceReserver.Grains;
using ResourceReserver.GrainTests.Fixtures;

namespace ResourceReserver.GrainTests.Directories;

[Collection(ClusterCollection.Name)]
public sealed class NameDirectoryGrainTests(ClusterFixture fixture)
{
    // Each test gets its own directory instance so "first ever" is observable.
    private INameDirectoryGrain FreshDirectory() => fixture.Grains.GetGrain<INameDirectoryGrain>($"test-directory-{Guid.NewGuid():N}");

    [Fact]
    public async Task The_first_claim_ever_is_flagged_and_later_ones_are_not()
    {
        var directory = FreshDirectory();

        var first = await directory.ClaimAsync("alice", Guid.NewGuid());
        var second = await directory.ClaimAsync("bob", Guid.NewGuid());

        Assert.Equal(new NameClaim(true, true), first);
        Assert.Equal(new NameClaim(true, false), second);
    }

    [Fact]
    public async Task Names_are_unique_case_insensitively_and_reclaimable_by_their_owner()
    {
        var directory = FreshDirectory();
        var (alice, mallory) = (Guid.NewGuid(), Guid.NewGuid());
        await directory.ClaimAsync("Alice", alice);

        Assert.False((await directory.ClaimAsync(" ALICE ", mallory)).Granted);
        Assert.True((await directory.ClaimAsync("alice", alice)).Granted);
        Assert.Equal(alice, await directory.FindAsync("aLiCe"));
        Assert.Null(await directory.FindAsync("nobody"));
    }

    [Fact]
    public async Task Release_frees_the_name_only_for_its_owner_and_first_ever_stays_spent()
    {
        var directory = FreshDirectory();
        var (alice, bob) = (Guid.NewGuid(), Guid.NewGuid());
        await directory.ClaimAsync("alice", alice);

        await directory.ReleaseAsync("alice", bob);
        Assert.Equal(alice, await directory.FindAsync("alice"));

        await directory.ReleaseAsync("ALICE", alice);
        Assert.Null(await directory.FindAsync("alice"));

        await fixture.Cluster.DeactivateAsync(directory);
        Assert.Equal(new NameClaim(true, false), await directory.ClaimAsync("alice", bob));
        Assert.Equal(bob, await directory.FindAsync("alice"));
    }

    [Fact]
    public async Task Concurrent_claims_of_one_name_grant_it_to_exactly_one_owner()
    {
        var directory = FreshDirectory();
        var owners = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        var claims = await Task.WhenAll(owners.Select(o => directory.ClaimAsync("contested", o)));

        Assert.Single(claims, c => c.Granted);
        Assert.Single(claims, c => c.FirstEver);
        Assert.Equal(owners[Array.FindIndex(claims, c => c.Granted)], await directory.FindAsync("contested"));
    }
}
