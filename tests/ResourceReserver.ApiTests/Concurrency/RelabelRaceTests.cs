using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;
using ResourceReserver.Grains;

namespace ResourceReserver.ApiTests.Concurrency;

/// <summary>
/// A tag rename or label merge rewrites each resource's list from a read of it; a PATCH of the same list made in
/// between must survive (the rewrite applies to the version it read, else reads again). Assertions read the
/// resources back from grain storage after every activation was dropped.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RelabelRaceTests(ApiFixture api)
{
    private const int Resources = 16;

    [Fact]
    public async Task A_tag_rename_racing_with_patches_of_the_same_tags_loses_no_patch()
    {
        var marker = ApiCalls.Marker().ToLowerInvariant();
        var (old, renamed) = ($"old-{marker}", $"new-{marker}");
        var ids = await Task.WhenAll(Enumerable.Range(0, Resources).Select(i => CreateAsync(new { name = $"Tagged {marker} {i}", tags = new[] { old } })));
        using var gate = new SemaphoreSlim(0);

        var patches = ids.Select(async (id, i) =>
        {
            await gate.WaitAsync();
            return await api.Admin.PatchAsJsonAsync($"/api/v1/resources/{id}", new { tags = new[] { old, $"extra-{i}" } });
        }).ToList();
        var rename = Task.Run(async () =>
        {
            await gate.WaitAsync();
            return await api.Admin.PatchAsJsonAsync($"/api/v1/resources/tags/{old}", new { name = renamed });
        });
        gate.Release(Resources + 1);

        Assert.All(await Task.WhenAll(patches), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await rename).StatusCode);
        var stored = await StoredAsync(ids);
        for (var i = 0; i < ids.Length; i++)
        {
            // The patch came after the rename (old tag back) or before it (renamed); never overwritten by the rename.
            var tags = stored[i].Details.Tags.Order().ToList();
            Assert.True(tags.SequenceEqual([$"extra-{i}", old]) || tags.SequenceEqual([$"extra-{i}", renamed]), $"resource {i}: {string.Join(", ", tags)}");
        }
    }

    [Fact]
    public async Task A_label_merge_racing_with_patches_of_the_same_labels_loses_no_patch()
    {
        var category = "race " + ApiCalls.Marker();
        var (source, target, extra) = (await LabelAsync(category, "source"), await LabelAsync(category, "target"), await LabelAsync(category, "extra"));
        var ids = await Task.WhenAll(Enumerable.Range(0, Resources).Select(i => CreateAsync(new { name = $"Labelled {category} {i}", labels = new[] { source } })));
        using var gate = new SemaphoreSlim(0);

        var patches = ids.Select(async id =>
        {
            await gate.WaitAsync();
            return await api.Admin.PatchAsJsonAsync($"/api/v1/resources/{id}", new { labels = new[] { extra } });
        }).ToList();
        var merge = Task.Run(async () =>
        {
            await gate.WaitAsync();
            return await api.Admin.PostAsJsonAsync($"/api/v1/labels/{source}/merge", new { intoId = target });
        });
        gate.Release(Resources + 1);

        Assert.All(await Task.WhenAll(patches), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await merge).StatusCode);
        foreach (var resource in await StoredAsync(ids))
        {
            // Each patch replaced the labels with [extra]: a merge computed from [source] must not write [target] over it.
            Assert.Equal([extra], resource.Details.Labels);
        }
    }

    private async Task<Guid> CreateAsync(object body)
    {
        var response = await api.Admin.PostAsJsonAsync("/api/v1/resources", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> LabelAsync(string category, string value)
    {
        var response = await api.Admin.PostAsJsonAsync("/api/v1/labels", new { category, value, color = "#336699" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task<IReadOnlyList<Contracts.ResourceSnapshot>> StoredAsync(IEnumerable<Guid> ids)
    {
        var grains = api.Factory.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var stored = new List<Contracts.ResourceSnapshot>();
        foreach (var id in ids)
        {
            stored.Add((await grains.GetGrain<IResourceGrain>(id).GetAsync())!);
        }

        return stored;
    }
}
