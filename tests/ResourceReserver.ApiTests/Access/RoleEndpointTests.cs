using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Access;

[Collection(ApiCollection.Name)]
public sealed class RoleEndpointTests(ApiFixture api)
{
    [Fact]
    public async Task The_four_built_in_roles_are_listed_with_their_permissions()
    {
        var roles = (await api.Admin.GetOkAsync("/api/v1/roles")).EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);

        string[] Permissions(string role) => roles[role].GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).ToArray();
        Assert.Equal(8, Permissions("admin").Length);
        Assert.Equal(["reservations.book"], Permissions("premium"));
        Assert.Equal(["reservations.book"], Permissions("user"));
        Assert.Empty(Permissions("guest"));
        Assert.All(["admin", "premium", "user", "guest"], r => Assert.True(roles[r].GetProperty("builtIn").GetBoolean()));
    }

    [Fact]
    public async Task Only_users_managers_see_roles()
    {
        var (user, _) = await api.NewUserAsync();
        await (await user.GetAsync("/api/v1/roles")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await api.Anonymous().GetAsync("/api/v1/roles")).AssertProblemAsync(HttpStatusCode.Unauthorized, null);
    }

    [Fact]
    public async Task A_custom_role_is_created_once_and_refuses_unknown_permissions()
    {
        var name = await AccessArrange.CustomRoleAsync(api.Admin, "resources.manage", "audit.read");

        await (await api.Admin.PostAsJsonAsync("/api/v1/roles", new { name, permissions = new[] { "audit.read" } }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "role_exists");
        await (await api.Admin.PostAsJsonAsync("/api/v1/roles", new { name = "admin", permissions = new[] { "audit.read" } }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "role_exists");
        await (await api.Admin.PostAsJsonAsync("/api/v1/roles", new { name = "bad-perm-" + ApiCalls.Marker(), permissions = new[] { "rockets.launch" } }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_permission");
        await (await api.Admin.PostAsJsonAsync("/api/v1/roles", new { name = "Not A Name", permissions = new[] { "audit.read" } }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("premium")]
    [InlineData("user")]
    [InlineData("guest")]
    public async Task Built_in_roles_cannot_be_changed_or_deleted(string role)
    {
        await (await api.Admin.PatchAsJsonAsync($"/api/v1/roles/{role}", new { description = "x" })).AssertProblemAsync(HttpStatusCode.Conflict, "builtin_role");
        await (await api.Admin.DeleteAsync($"/api/v1/roles/{role}")).AssertProblemAsync(HttpStatusCode.Conflict, "builtin_role");
    }

    [Fact]
    public async Task A_custom_role_grants_its_permissions_to_an_existing_token_and_deleting_it_takes_them_away()
    {
        var role = await AccessArrange.CustomRoleAsync(api.Admin, "resources.manage");
        var (member, id, _) = await api.UserWithRolesAsync(api.Admin, "user");
        var resource = new { name = "Role room " + ApiCalls.Marker(), capacity = 1 };
        await (await member.PostAsJsonAsync("/api/v1/resources", resource)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        (await api.Admin.PostAsJsonAsync($"/api/v1/users/{id}/roles", new { role })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created, (await member.PostAsJsonAsync("/api/v1/resources", resource)).StatusCode);

        var permissions = await member.GetOkAsync("/api/v1/users/me/permissions");
        Assert.Contains(role, permissions.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["reservations.book", "resources.manage"], permissions.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).ToArray());

        Assert.Equal(HttpStatusCode.NoContent, (await api.Admin.DeleteAsync($"/api/v1/roles/{role}")).StatusCode);
        await (await member.PostAsJsonAsync("/api/v1/resources", resource with { name = "Other " + ApiCalls.Marker() })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.DoesNotContain(role, AccessArrange.RolesOf(await api.Admin.GetOkAsync($"/api/v1/users/{id}")));
    }

    [Fact]
    public async Task Changing_a_custom_roles_permissions_applies_to_its_members()
    {
        var role = await AccessArrange.CustomRoleAsync(api.Admin, "audit.read");
        var (member, _, _) = await api.UserWithRolesAsync(api.Admin, "user", role);

        var patched = await api.Admin.PatchAsJsonAsync($"/api/v1/roles/{role}", new { permissions = new[] { "users.manage" } });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task Nobody_grants_more_than_they_hold()
    {
        var role = await AccessArrange.CustomRoleAsync(api.Admin, "users.manage");
        var (manager, _, _) = await api.UserWithRolesAsync(api.Admin, "user", role);
        var (_, otherId, _) = await api.UserWithRolesAsync(api.Admin, "user");

        await (await manager.PostAsJsonAsync($"/api/v1/users/{otherId}/roles", new { role = "admin" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await manager.PostAsJsonAsync("/api/v1/roles", new { name = "sneaky-" + ApiCalls.Marker(), permissions = new[] { "webhooks.manage" } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await manager.PostAsync($"/api/v1/users/{api.AdminId}/disable", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/users/{otherId}/roles", new { role = "premium" })).StatusCode);
    }

    [Fact]
    public async Task A_guest_reads_but_may_not_book()
    {
        var resourceId = await api.NewResourceAsync();
        var (guest, _, _) = await api.UserWithRolesAsync(api.Admin, "guest");

        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync($"/api/v1/resources/{resourceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync("/api/v1/users/me")).StatusCode);
        var start = ApiFixture.FutureHour(3);
        await (await guest.BookAsync(resourceId, start, start.AddHours(1))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await guest.PostAsJsonAsync("/api/v1/holds", new { resourceId, start, end = start.AddHours(1) })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
