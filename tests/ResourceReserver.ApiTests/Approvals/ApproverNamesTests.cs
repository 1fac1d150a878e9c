using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;
using ResourceReserver.Host.Application;
using static ResourceReserver.ApiTests.Approvals.ApprovalArrange;

namespace ResourceReserver.ApiTests.Approvals;

/// <summary>
/// The admin resource form's approvers by username (<see cref="ApproverNames"/>, on the real host's users): typed
/// names become the ids the API stores, stored ids read back as names, and a name nobody holds is reported.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ApproverNamesTests(ApiFixture api)
{
    private ApproverNames Names => api.Factory.Services.GetRequiredService<ApproverNames>();

    [Fact]
    public async Task Typed_usernames_in_any_case_and_ids_become_ids_once_each_and_read_back_as_usernames()
    {
        var (first, firstId) = await api.NewUserAsync("appr");
        var (second, secondId) = await api.NewUserAsync("appr");
        var firstName = await UsernameAsync(first);

        var resolved = await Names.ResolveAsync($" {firstName.ToUpperInvariant()} , {secondId},{firstName}, ");

        Assert.Empty(resolved.Unknown);
        Assert.Equal([firstId.ToString(), secondId.ToString()], resolved.Ids);

        // What the form then saves through the API, and what it shows when the resource is opened again.
        var resource = await ResourceAsync(api.Admin);
        var saved = await api.Admin.PatchAsJsonAsync($"/api/v1/resources/{resource}", new { rules = new { requiresApproval = true, approvers = resolved.Ids } });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var stored = (await api.Admin.GetOkAsync($"/api/v1/resources/{resource}")).GetProperty("rules").GetProperty("approvers")
            .EnumerateArray().Select(a => a.GetGuid()).ToList();
        Assert.Equal([firstId, secondId], stored);
        var secondName = await UsernameAsync(second);
        Assert.Equal($"{firstName}, {secondName}", await Names.ShowAsync(stored));
    }

    [Fact]
    public async Task An_unknown_username_is_reported_by_name_and_an_id_nobody_holds_shows_as_the_id()
    {
        var (known, knownId) = await api.NewUserAsync("appr");
        var knownName = await UsernameAsync(known);
        var nobody = "nobody_" + Guid.NewGuid().ToString("N")[..8];
        var stranger = Guid.NewGuid();

        var resolved = await Names.ResolveAsync($"{knownName}, {nobody}, ghost");

        Assert.Equal([knownId.ToString()], resolved.Ids);
        Assert.Equal([nobody, "ghost"], resolved.Unknown);
        Assert.Equal($"{knownName}, {stranger}", await Names.ShowAsync([knownId, stranger]));
        Assert.Empty((await Names.ResolveAsync("  ")).Ids);
    }

    private static async Task<string> UsernameAsync(HttpClient user) =>
        (await user.GetOkAsync("/api/v1/users/me")).GetProperty("username").GetString()!;
}
