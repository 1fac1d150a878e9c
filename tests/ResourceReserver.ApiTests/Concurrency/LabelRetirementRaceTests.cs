using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;
using ResourceReserver.Grains;

namespace ResourceReserver.ApiTests.Concurrency;

/// <summary>
/// A label delete or merge racing with PATCHes that give resources that very label: afterwards no resource carries a
/// label that is gone, and a merge left every resource that had the source with the target. Assertions read the
/// resources back from grain storage after every activation was dropped, and from the read store's SQLite file.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LabelRetirementRaceTests(ApiFixture api)
{
    // Carriers have the label before the race (the delete has work to do); the others are given it during the race.
    private const int Carriers = 8, Patched = 32;

    private static readonly HttpStatusCode[] PatchOutcomes = [HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity, HttpStatusCode.ServiceUnavailable];

    [Fact]
    public async Task A_label_delete_racing_with_patches_adding_the_label_leaves_no_resource_with_it()
    {
        var category = "retire " + ApiCalls.Marker();
        var (kept, doomed) = (await LabelAsync(category, "kept"), await LabelAsync(category, "doomed"));
        var (carriers, patched) = await ResourcesAsync(category, kept, doomed);

        var (patches, delete) = await RaceAsync(patched, [kept, doomed], () => api.Admin.DeleteAsync($"/api/v1/labels/{doomed}"));

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.All(patches, p => Assert.Contains(p.StatusCode, PatchOutcomes));
        Assert.Equal(HttpStatusCode.NotFound, (await api.Admin.GetAsync($"/api/v1/labels/{doomed}")).StatusCode);
        var stored = await StoredAsync([.. carriers, .. patched]);
        await AssertNoDanglingAsync(stored);
        Assert.All(stored, s => Assert.Equal([kept], s.Labels));
    }

    [Fact]
    public async Task A_label_merge_racing_with_patches_adding_the_source_moves_every_resource_to_the_target()
    {
        var category = "merge " + ApiCalls.Marker();
        var (kept, source, target) = (await LabelAsync(category, "kept"), await LabelAsync(category, "source"), await LabelAsync(category, "target"));
        var (carriers, patched) = await ResourcesAsync(category, kept, source);

        var (patches, merge) = await RaceAsync(patched, [kept, source], () => api.Admin.PostAsJsonAsync($"/api/v1/labels/{source}/merge", new { intoId = target }));

        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        Assert.All(patches, p => Assert.Contains(p.StatusCode, PatchOutcomes));
        Assert.Equal(HttpStatusCode.NotFound, (await api.Admin.GetAsync($"/api/v1/labels/{source}")).StatusCode);
        var stored = await StoredAsync([.. carriers, .. patched]);
        await AssertNoDanglingAsync(stored);
        for (var i = 0; i < stored.Count; i++)
        {
            // A carrier, or a resource whose PATCH was stored, had the source: it has the target instead. The rest never had it.
            var hadSource = i < Carriers || patches[i - Carriers].StatusCode == HttpStatusCode.OK;
            Assert.Equal(hadSource ? new[] { kept, target }.Order() : [kept], stored[i].Labels.Order());
        }
    }

    private async Task<(Guid[] Carriers, Guid[] Patched)> ResourcesAsync(string category, Guid kept, Guid label)
    {
        var carriers = await Task.WhenAll(Enumerable.Range(0, Carriers).Select(i => CreateAsync($"Carrier {category} {i}", [kept, label])));
        var patched = await Task.WhenAll(Enumerable.Range(0, Patched).Select(i => CreateAsync($"Patched {category} {i}", [kept])));
        return (carriers, patched);
    }

    /// <summary>
    /// Releases the label change and a PATCH of each resource to <paramref name="labels"/>, the PATCHes a millisecond
    /// apart, so some land before the change, some while it takes the label off its carriers, some after it.
    /// </summary>
    private async Task<(HttpResponseMessage[] Patches, HttpResponseMessage Change)> RaceAsync(Guid[] ids, Guid[] labels, Func<Task<HttpResponseMessage>> change)
    {
        using var gate = new SemaphoreSlim(0);
        var patches = ids.Select(async (id, i) =>
        {
            await gate.WaitAsync();
            await Task.Delay(i);
            return await api.Admin.PatchAsJsonAsync($"/api/v1/resources/{id}", new { labels });
        }).ToList();
        var changed = Task.Run(async () =>
        {
            await gate.WaitAsync();
            return await change();
        });
        gate.Release(ids.Length + 1);
        return (await Task.WhenAll(patches), await changed);
    }

    /// <summary>Every label a stored resource carries, in its grain state or in the read store, is a stored label.</summary>
    private async Task AssertNoDanglingAsync(IReadOnlyList<StoredLabels> stored)
    {
        var existing = (await ReadStoreAsync("SELECT id FROM labels")).ToHashSet();
        Assert.All(stored, s => Assert.Subset(existing, s.Labels.ToHashSet()));
    }

    /// <summary>Each resource's labels as its grain reads them from storage, after checking the read store holds the same.</summary>
    private async Task<IReadOnlyList<StoredLabels>> StoredAsync(IReadOnlyList<Guid> ids)
    {
        var grains = api.Factory.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var stored = new List<StoredLabels>();
        foreach (var id in ids)
        {
            var state = (await grains.GetGrain<IResourceGrain>(id).GetAsync())!.Details.Labels;
            Assert.Equal(state.Order(), (await ReadStoreAsync($"SELECT label_id FROM resource_labels WHERE resource_id = '{id}'")).Order());
            stored.Add(new StoredLabels(id, state));
        }

        return stored;
    }

    /// <summary>The ids a query of the read store's SQLite file answers.</summary>
    private async Task<List<Guid>> ReadStoreAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={api.Factory.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    private async Task<Guid> CreateAsync(string name, Guid[] labels)
    {
        var response = await api.Admin.PostAsJsonAsync("/api/v1/resources", new { name, labels });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> LabelAsync(string category, string value)
    {
        var response = await api.Admin.PostAsJsonAsync("/api/v1/labels", new { category, value, color = "#336699" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private sealed record StoredLabels(Guid Id, IReadOnlyList<Guid> Labels);
}
