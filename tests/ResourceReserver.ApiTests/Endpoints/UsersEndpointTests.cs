using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class UsersEndpointTests(ApiFixture api)
{
    [Fact]
    public async Task Get_me_returns_the_signed_in_profile_with_roles_and_preferences()
    {
        var (client, userId) = await api.NewUserAsync();
        var me = await client.GetOkAsync("/api/v1/users/me");

        Assert.Equal(userId, me.GetProperty("id").GetGuid());
        Assert.Contains("user", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(me.TryGetProperty("preferences", out _));
        Assert.False(me.ToString().Contains("password", StringComparison.OrdinalIgnoreCase), "the profile must not leak the password hash");
    }

    [Fact]
    public async Task Admin_profile_carries_the_admin_role()
    {
        var me = await api.Admin.GetOkAsync("/api/v1/users/me");
        Assert.Contains("admin", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Patch_me_updates_email_and_preferences()
    {
        var (client, _) = await api.NewUserAsync();
        var response = await client.PatchAsJsonAsync("/api/v1/users/me", new { email = "me@example.com", emailNotifications = false, reminderLeadTimesHours = new[] { 2, 48 } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await client.GetOkAsync("/api/v1/users/me");
        Assert.Equal("me@example.com", me.GetProperty("email").GetString());
        Assert.False(me.GetProperty("preferences").GetProperty("emailNotifications").GetBoolean());
        Assert.Equal([48, 2], me.GetProperty("preferences").GetProperty("reminderLeadTimesHours").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task Patch_me_with_an_invalid_email_returns_422_and_changes_nothing()
    {
        var (client, _) = await api.NewUserAsync();
        var response = await client.PatchAsJsonAsync("/api/v1/users/me", new { email = "not an email" });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        var me = await client.GetOkAsync("/api/v1/users/me");
        Assert.False(me.TryGetProperty("email", out var email) && email.ValueKind == System.Text.Json.JsonValueKind.String);
    }

    [Theory]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 169 })]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6 })]
    public async Task Patch_me_with_bad_reminder_lead_times_returns_422(int[] leads)
    {
        var (client, _) = await api.NewUserAsync();
        var response = await client.PatchAsJsonAsync("/api/v1/users/me", new { reminderLeadTimesHours = leads });
        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Fact]
    public async Task Anonymous_get_and_patch_me_return_401_problem()
    {
        var get = await api.Anonymous().GetAsync("/api/v1/users/me");
        var patch = await api.Anonymous().PatchAsJsonAsync("/api/v1/users/me", new { email = "x@example.com" });

        await get.AssertProblemAsync(HttpStatusCode.Unauthorized, null);
        await patch.AssertProblemAsync(HttpStatusCode.Unauthorized, null);
    }
}
