using System.Data.Common;
using ResourceReserver.Contracts;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.Organisation;
using ResourceReserver.Infrastructure.Resources;
using ResourceReserver.Storage;

namespace ResourceReserver.InfrastructureTests.Organisation;

/// <summary>The group tree's rules, run against each database (the fenced transaction is what serialises moves).</summary>
public abstract class GroupStoreContract
{
    protected abstract Task<(DbDataSource Source, IAsyncDisposable Owner)> OpenAsync();

    [Fact]
    public async Task Moving_a_group_under_its_own_descendant_is_a_cycle_and_changes_nothing()
    {
        var (source, owner) = await OpenAsync();
        await using var _ = owner;
        var store = new GroupStore(source, TimeProvider.System);
        var building = (await store.CreateAsync("Building A", "building", null, null)).Value!;
        var floor = (await store.CreateAsync("Floor 2", "floor", building.Id, null)).Value!;
        var area = (await store.CreateAsync("North", "area", floor.Id, null)).Value!;

        var underGrandchild = await store.UpdateAsync(building.Id, new GroupChange(null, null, area.Id, false, null));
        var underItself = await store.UpdateAsync(floor.Id, new GroupChange(null, null, floor.Id, false, null));

        Assert.Equal("group_cycle", underGrandchild.Error?.Code);
        Assert.Equal("group_cycle", underItself.Error?.Code);
        Assert.Null((await store.GetAsync(building.Id))!.ParentId);
        Assert.Equal(building.Id, (await store.GetAsync(floor.Id))!.ParentId);
    }

    [Fact]
    public async Task Concurrent_crossing_moves_never_leave_a_cycle()
    {
        var (source, owner) = await OpenAsync();
        await using var _ = owner;
        var store = new GroupStore(source, TimeProvider.System);
        for (var round = 0; round < 10; round++)
        {
            var a = (await store.CreateAsync($"A{round}", "area", null, null)).Value!;
            var b = (await store.CreateAsync($"B{round}", "area", null, null)).Value!;

            // Each move alone is fine; both together would make A and B each other's parent.
            var moves = await Task.WhenAll(
                Task.Run(() => store.UpdateAsync(a.Id, new GroupChange(null, null, b.Id, false, null))),
                Task.Run(() => store.UpdateAsync(b.Id, new GroupChange(null, null, a.Id, false, null))));

            Assert.Single(moves, m => m.IsSuccess);
            Assert.Single(moves, m => m.Error?.Code == "group_cycle");
            var (parentOfA, parentOfB) = ((await store.GetAsync(a.Id))!.ParentId, (await store.GetAsync(b.Id))!.ParentId);
            Assert.True(parentOfA is null || parentOfB is null);
        }
    }

    [Fact]
    public async Task A_group_with_subgroups_is_not_empty_and_an_empty_one_goes()
    {
        var (source, owner) = await OpenAsync();
        await using var _ = owner;
        var store = new GroupStore(source, TimeProvider.System);
        var building = (await store.CreateAsync("Building B", "building", null, null)).Value!;
        var floor = (await store.CreateAsync("Floor 1", "floor", building.Id, null)).Value!;

        Assert.Equal("group_not_empty", (await store.DeleteAsync(building.Id)).Error?.Code);
        Assert.True((await store.DeleteAsync(floor.Id)).IsSuccess);
        Assert.True((await store.DeleteAsync(building.Id)).IsSuccess);
        Assert.Null(await store.GetAsync(building.Id));
        Assert.Equal("group_not_found", (await store.DeleteAsync(building.Id)).Error?.Code);
    }

    [Fact]
    public async Task Sibling_names_are_unique_and_unknown_parents_refused()
    {
        var (source, owner) = await OpenAsync();
        await using var _ = owner;
        var store = new GroupStore(source, TimeProvider.System);
        var building = (await store.CreateAsync("Building C", "building", null, null)).Value!;
        await store.CreateAsync("Floor 1", "floor", building.Id, null);

        Assert.Equal("group_name_taken", (await store.CreateAsync("FLOOR 1", "floor", building.Id, null)).Error?.Code);
        Assert.True((await store.CreateAsync("Floor 1", "floor", null, null)).IsSuccess);
        Assert.Equal("validation_failed", (await store.CreateAsync("Floor 9", "floor", Guid.NewGuid(), null)).Error?.Code);
    }

    [Fact]
    public async Task Deleting_a_group_while_a_resource_is_placed_in_it_never_leaves_the_resource_in_a_deleted_group()
    {
        var (source, owner) = await OpenAsync();
        await using var _ = owner;
        var groups = new GroupStore(source, TimeProvider.System);
        await using var resources = new SqlResourceStore(source, new EventSignal(), TimeProvider.System);
        for (var round = 0; round < 20; round++)
        {
            var group = (await groups.CreateAsync($"Floor {round}", "floor", null, null)).Value!;
            var resource = new ResourceSnapshot { Id = Guid.NewGuid(), Details = new ResourceDetails { Name = $"Room {round}" }, Version = 1 };
            Assert.True(await resources.CommitAsync(new ResourceCommit(resource.Id, 0) { Resource = resource }));
            var placed = resource with { Details = resource.Details with { GroupId = group.Id }, Version = 2 };

            var (assigned, deleted) = await Both(
                () => resources.CommitAsync(new ResourceCommit(resource.Id, 1) { Resource = placed }),
                () => groups.DeleteAsync(group.Id));

            // Read back what is stored: the resource's row and the group, never a resource in a group that is gone.
            await using var read = source.CreateCommand($"SELECT group_id FROM resources WHERE id = '{resource.Id}'");
            var storedGroup = await read.ExecuteScalarAsync() as string;
            var groupExists = await groups.GetAsync(group.Id) is not null;
            Assert.True(assigned ^ deleted.IsSuccess, $"round {round}: assigned {assigned}, deleted {deleted.IsSuccess}");
            Assert.Equal(assigned ? group.Id.ToString() : null, storedGroup);
            Assert.Equal(assigned, groupExists);
            Assert.Equal(assigned ? "group_not_empty" : null, deleted.Error?.Code);
        }
    }

    private static async Task<(T1, T2)> Both<T1, T2>(Func<Task<T1>> first, Func<Task<T2>> second)
    {
        var (a, b) = (Task.Run(first), Task.Run(second));
        await Task.WhenAll(a, b);
        return (a.Result, b.Result);
    }
}
