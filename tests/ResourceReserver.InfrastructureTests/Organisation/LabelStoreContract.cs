using System.Data.Common;
using ResourceReserver.Contracts;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.Organisation;
using ResourceReserver.Infrastructure.Resources;
using ResourceReserver.Storage;

namespace ResourceReserver.InfrastructureTests.Organisation;

/// <summary>
/// A label and the resources carrying it, run against each database: the resource fence and the label delete
/// together never leave a resource with a label that is gone.
/// </summary>
public abstract class LabelStoreContract
{
    protected abstract Task<(DbDataSource Source, IAsyncDisposable Owner)> OpenAsync();

    [Fact]
    public async Task Deleting_a_label_while_a_resource_is_given_it_never_leaves_the_resource_with_a_deleted_label()
    {
        var (source, owner) = await OpenAsync();
        await using var _ = owner;
        var labels = new LabelStore(source);
        await using var resources = new SqlResourceStore(source, new EventSignal(), TimeProvider.System);
        var kept = (await labels.CreateAsync("floor", "kept", "#336699")).Value!;
        for (var round = 0; round < 20; round++)
        {
            var label = (await labels.CreateAsync("equipment", $"projector {round}", "#336699")).Value!;
            var resource = new ResourceSnapshot { Id = Guid.NewGuid(), Details = new ResourceDetails { Name = $"Room {round}", Labels = [kept.Id] }, Version = 1 };
            Assert.True(await resources.CommitAsync(new ResourceCommit(resource.Id, 0) { Resource = resource }));
            var labelled = resource with { Details = resource.Details with { Labels = [kept.Id, label.Id] }, Version = 2 };

            var (given, carriers) = await Both(
                () => resources.CommitAsync(new ResourceCommit(resource.Id, 1) { Resource = labelled }),
                () => labels.DeleteUnusedAsync(label.Id));

            // Read back what is stored: the resource's labels and the label, never a resource with a label that is gone.
            var stored = await StoredLabelsAsync(source, resource.Id);
            var labelExists = await labels.GetAsync(label.Id) is not null;
            Assert.True(given ^ carriers.Count == 0, $"round {round}: given {given}, carriers {carriers.Count}");
            Assert.Equal(given ? new[] { resource.Id } : [], carriers);
            Assert.Equal((given ? new[] { kept.Id, label.Id } : [kept.Id]).Order(), stored.Order());
            Assert.Equal(given, labelExists);
        }
    }

    [Fact]
    public async Task A_label_is_deleted_only_once_no_live_resource_carries_it()
    {
        var (source, owner) = await OpenAsync();
        await using var _ = owner;
        var labels = new LabelStore(source);
        await using var resources = new SqlResourceStore(source, new EventSignal(), TimeProvider.System);
        var label = (await labels.CreateAsync("equipment", "whiteboard", "#336699")).Value!;
        var resource = new ResourceSnapshot { Id = Guid.NewGuid(), Details = new ResourceDetails { Name = "Room W", Labels = [label.Id] }, Version = 1 };
        Assert.True(await resources.CommitAsync(new ResourceCommit(resource.Id, 0) { Resource = resource }));

        Assert.Equal([resource.Id], await labels.DeleteUnusedAsync(label.Id));
        Assert.NotNull(await labels.GetAsync(label.Id));

        var relabelled = resource with { Details = resource.Details with { Labels = [] }, Version = 2 };
        Assert.True(await resources.CommitAsync(new ResourceCommit(resource.Id, 1) { Resource = relabelled }));
        Assert.Empty(await labels.DeleteUnusedAsync(label.Id));
        Assert.Null(await labels.GetAsync(label.Id));

        // Giving the resource the deleted label fails its fence and stores nothing.
        var dangling = relabelled with { Details = relabelled.Details with { Labels = [label.Id] }, Version = 3 };
        Assert.False(await resources.CommitAsync(new ResourceCommit(resource.Id, 2) { Resource = dangling }));
        Assert.Empty(await StoredLabelsAsync(source, resource.Id));
    }

    [Fact]
    public async Task A_resource_left_with_a_deleted_label_by_an_older_version_can_still_change()
    {
        var (source, owner) = await OpenAsync();
        await using var _ = owner;
        var labels = new LabelStore(source);
        await using var resources = new SqlResourceStore(source, new EventSignal(), TimeProvider.System);
        var label = (await labels.CreateAsync("equipment", "beamer", "#336699")).Value!;
        var resource = new ResourceSnapshot { Id = Guid.NewGuid(), Details = new ResourceDetails { Name = "Room B", Labels = [label.Id] }, Version = 1 };
        Assert.True(await resources.CommitAsync(new ResourceCommit(resource.Id, 0) { Resource = resource }));
        await using (var delete = source.CreateCommand($"DELETE FROM labels WHERE id = '{label.Id}'"))
        {
            await delete.ExecuteNonQueryAsync();
        }

        // Only labels the resource is newly given are checked: a commit keeping one it already carries holds.
        var renamed = resource with { Details = resource.Details with { Name = "Room B2" }, Version = 2 };
        Assert.True(await resources.CommitAsync(new ResourceCommit(resource.Id, 1) { Resource = renamed }));
        Assert.Equal([label.Id], await StoredLabelsAsync(source, resource.Id));
    }

    private static async Task<List<Guid>> StoredLabelsAsync(DbDataSource source, Guid resourceId)
    {
        await using var read = source.CreateCommand($"SELECT label_id FROM resource_labels WHERE resource_id = '{resourceId}'");
        await using var reader = await read.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    private static async Task<(T1, T2)> Both<T1, T2>(Func<Task<T1>> first, Func<Task<T2>> second)
    {
        var (a, b) = (Task.Run(first), Task.Run(second));
        await Task.WhenAll(a, b);
        return (a.Result, b.Result);
    }
}
