using System.Net;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Access;

/// <summary>
/// A host of its own, since these tests count the administrators. It starts with one (the fixture's first account);
/// <see cref="Current"/> and <see cref="CurrentId"/> follow whoever is the one administrator after each test.
/// </summary>
public sealed class LastAdminFixture : ApiFixture
{
    private HttpClient? _current;
    private Guid? _currentId;

    public HttpClient Current { get => _current ?? Admin; set => _current = value; }

    public Guid CurrentId { get => _currentId ?? AdminId; set => _currentId = value; }
}

[CollectionDefinition(Name)]
public sealed class LastAdminCollection : ICollectionFixture<LastAdminFixture>
{
    public const string Name = "last-admin";
}

[Collection(LastAdminCollection.Name)]
public sealed class LastAdminTests(LastAdminFixture api)
{
    [Fact]
    public async Task Two_admins_removing_each_others_role_at_once_leave_exactly_one()
    {
        for (var round = 0; round < 5; round++)
        {
            var (second, secondId, _) = await api.UserWithRolesAsync(api.Current, "user", "admin");
            Assert.Equal(2, (await AdminsAsync(api.Current)).Count);

            var answers = await Task.WhenAll(
                api.Current.DeleteAsync($"/api/v1/users/{secondId}/roles/admin"),
                second.DeleteAsync($"/api/v1/users/{api.CurrentId}/roles/admin"));

            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            await AssertLoserRefusedAsync(answers);
            if (answers[1].StatusCode == HttpStatusCode.OK)
            {
                (api.Current, api.CurrentId) = (second, secondId);
            }

            Assert.Equal([api.CurrentId], await AdminsAsync(api.Current));
        }
    }

    [Fact]
    public async Task Two_admins_disabling_each_other_at_once_leave_exactly_one_active()
    {
        var (second, secondId, _) = await api.UserWithRolesAsync(api.Current, "user", "admin");

        var answers = await Task.WhenAll(
            api.Current.PostAsync($"/api/v1/users/{secondId}/disable", null),
            second.PostAsync($"/api/v1/users/{api.CurrentId}/disable", null));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        await AssertLoserRefusedAsync(answers);
        if (answers[1].StatusCode == HttpStatusCode.OK)
        {
            (api.Current, api.CurrentId) = (second, secondId);
        }

        Assert.Equal([api.CurrentId], await AdminsAsync(api.Current));
    }

    [Fact]
    public async Task The_last_admin_can_be_neither_demoted_nor_disabled_nor_deleted()
    {
        Assert.Equal([api.CurrentId], await AdminsAsync(api.Current));

        await (await api.Current.DeleteAsync($"/api/v1/users/{api.CurrentId}/roles/admin")).AssertProblemAsync(HttpStatusCode.Conflict, "last_admin");
        await (await api.Current.PostAsync($"/api/v1/users/{api.CurrentId}/disable", null)).AssertProblemAsync(HttpStatusCode.Conflict, "last_admin");
        await (await api.Current.DeleteAsync($"/api/v1/users/{api.CurrentId}")).AssertProblemAsync(HttpStatusCode.Conflict, "last_admin");
        Assert.Equal([api.CurrentId], await AdminsAsync(api.Current));
    }

    /// <summary>
    /// The other request is refused: 409 <c>last_admin</c> when both passed authentication and authorization before
    /// either took effect (the role directory decided); else the winner's change reached the loser first: 403 once it
    /// lost the role, 401 once its account was disabled (its sessions end with it).
    /// </summary>
    private static async Task AssertLoserRefusedAsync(HttpResponseMessage[] answers)
    {
        var loser = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.OK);
        var code = loser.StatusCode switch
        {
            HttpStatusCode.Conflict => "last_admin",
            HttpStatusCode.Forbidden => "forbidden",
            HttpStatusCode.Unauthorized => "unauthorized",
            _ => throw new Xunit.Sdk.XunitException($"The losing request answered {(int)loser.StatusCode}."),
        };
        await loser.AssertProblemAsync(loser.StatusCode, code);
    }

    private static async Task<List<Guid>> AdminsAsync(HttpClient admin) =>
        (await admin.ItemsAsync("/api/v1/users?role=admin&status=active&limit=100")).Select(u => u.GetProperty("id").GetGuid()).ToList();
}
