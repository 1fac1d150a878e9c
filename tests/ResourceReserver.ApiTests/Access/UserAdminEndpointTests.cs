using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Access;

[Collection(ApiCollection.Name)]
public sealed class UserAdminEndpointTests(ApiFixture api)
{
    [Fact]
    public async Task Users_are_listed_with_filters_and_without_secrets()
    {
        var marker = ApiCalls.Marker();
        var (_, premiumId, premium) = await api.UserWithRolesAsync(api.Admin, "user", "premium");
        var plain = await api.RegisterAsync(marker);

        var byName = await api.Admin.ItemsAsync($"/api/v1/users?q={marker}");
        var found = Assert.Single(byName);
        Assert.Equal(plain, found.GetProperty("username").GetString());
        Assert.Equal("active", found.GetProperty("status").GetString());
        Assert.False(found.GetProperty("mfaEnabled").GetBoolean());
        Assert.True(found.TryGetProperty("createdAt", out _));
        Assert.True(found.GetProperty("lastLoginAt").ValueKind == System.Text.Json.JsonValueKind.Null);

        var premiums = await api.Admin.ItemsAsync($"/api/v1/users?role=premium&limit=100&q={premium}");
        Assert.Equal(premiumId, Assert.Single(premiums).GetProperty("id").GetGuid());
        var text = await (await api.Admin.GetAsync("/api/v1/users?limit=100")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("$2", text);
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);

        await (await api.Admin.GetAsync("/api/v1/users?status=sleeping")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        await (await api.Admin.GetAsync($"/api/v1/users/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound, "user_not_found");
    }

    [Fact]
    public async Task Pages_walk_every_matching_user_once()
    {
        var marker = ApiCalls.Marker();
        var names = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            names.Add(await api.RegisterAsync(marker));
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await api.Admin.GetOkAsync($"/api/v1/users?q={marker}&limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("username").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), seen);
    }

    [Fact]
    public async Task Roles_are_given_by_id_or_by_name()
    {
        var username = await api.RegisterAsync("byname");
        var byName = await api.Admin.PostAsJsonAsync($"/api/v1/users/by-name/{username}/roles", new { role = "premium" });

        Assert.Equal(HttpStatusCode.OK, byName.StatusCode);
        Assert.Contains("premium", AccessArrange.RolesOf(await byName.JsonAsync()));
        await (await api.Admin.PostAsJsonAsync("/api/v1/users/by-name/nobody-here-at-all/roles", new { role = "premium" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "user_not_found");
        await (await api.Admin.PostAsJsonAsync($"/api/v1/users/by-name/{username}/roles", new { role = "astronaut" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "role_not_found");
    }

    [Fact]
    public async Task Disabling_ends_every_session_at_once_and_enabling_lets_the_user_back_in()
    {
        var (user, id, username) = await api.UserWithRolesAsync(api.Admin, "user");
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/v1/users/me")).StatusCode);

        var disabled = await api.Admin.PostAsync($"/api/v1/users/{id}/disable", null);
        Assert.Equal("disabled", (await disabled.JsonAsync()).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/users/me")).StatusCode);
        await (await AccessArrange.TokenAsync(api.Anonymous(), ("grant_type", "password"), ("username", username), ("password", ApiFixture.Password)))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "account_disabled");
        Assert.Single(await api.Admin.ItemsAsync($"/api/v1/users?q={username}&status=disabled"));

        Assert.Equal(HttpStatusCode.OK, (await api.Admin.PostAsync($"/api/v1/users/{id}/enable", null)).StatusCode);
        var back = await api.SignedInAsync(username);
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/api/v1/users/me")).StatusCode);
    }

    [Fact]
    public async Task An_admin_password_reset_ends_every_session_and_refuses_common_passwords()
    {
        var (user, id, username) = await api.UserWithRolesAsync(api.Admin, "user");

        await (await api.Admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new { newPassword = "Password1!" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Equal(HttpStatusCode.NoContent, (await api.Admin.PostAsJsonAsync($"/api/v1/users/{id}/password", new { newPassword = "Fresh#Start42" })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/users/me")).StatusCode);
        await (await AccessArrange.TokenAsync(api.Anonymous(), ("grant_type", "password"), ("username", username), ("password", ApiFixture.Password)))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(HttpStatusCode.OK, (await (await api.SignedInAsync(username, "Fresh#Start42")).GetAsync("/api/v1/users/me")).StatusCode);
    }

    [Fact]
    public async Task Changing_ones_own_password_keeps_this_session_and_ends_the_others()
    {
        var username = await api.RegisterAsync("pw");
        var here = await api.SignedInAsync(username);
        var elsewhere = await api.SignedInAsync(username);

        await (await here.PostAsJsonAsync("/api/v1/users/me/password", new { currentPassword = "Wrong#Pass1", newPassword = "Fresh#Start42" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_current_password");
        await (await here.PostAsJsonAsync("/api/v1/users/me/password", new { currentPassword = ApiFixture.Password, newPassword = "Password1!" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Equal(HttpStatusCode.NoContent,
            (await here.PostAsJsonAsync("/api/v1/users/me/password", new { currentPassword = ApiFixture.Password, newPassword = "Fresh#Start42" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/v1/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/v1/users/me")).StatusCode);
        await api.SignedInAsync(username, "Fresh#Start42");
    }

    [Fact]
    public async Task Deleting_a_user_cancels_future_bookings_erases_the_account_and_keeps_history()
    {
        var resourceId = await api.NewResourceAsync();
        var (user, id, username) = await api.UserWithRolesAsync(api.Admin, "user");
        (await user.PatchAsJsonAsync("/api/v1/users/me", new { email = "gone@example.com" })).EnsureSuccessStatusCode();
        var start = ApiFixture.FutureHour(4);
        var reservationId = await user.BookOkAsync(resourceId, start, start.AddHours(1));

        Assert.Equal(HttpStatusCode.NoContent, (await api.Admin.DeleteAsync($"/api/v1/users/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/users/me")).StatusCode);
        await (await api.Admin.GetAsync($"/api/v1/users/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "user_not_found");
        var kept = await api.Admin.GetOkAsync($"/api/v1/reservations/{reservationId}");
        Assert.Equal("cancelled", kept.GetProperty("status").GetString());
        Assert.NotEmpty((await api.Admin.GetOkAsync($"/api/v1/reservations/{reservationId}/history")).EnumerateArray());
        Assert.DoesNotContain("gone@example.com", await (await api.Admin.GetAsync($"/api/v1/users?q=gone@example.com")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, (await api.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { username, password = ApiFixture.Password })).StatusCode);
    }

    [Fact]
    public async Task An_admin_turns_off_mfa_for_a_user()
    {
        var (_, id, _) = await api.UserWithRolesAsync(api.Admin, "user");
        var answer = await api.Admin.DeleteAsync($"/api/v1/users/{id}/mfa");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False((await answer.JsonAsync()).GetProperty("mfaEnabled").GetBoolean());
    }

    [Fact]
    public async Task Sign_in_checks_unknown_usernames_against_a_hash_of_the_real_work_factor()
    {
        var accounts = api.Factory.Services.GetRequiredService<Host.Application.AccountService>();
        var workFactor = api.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Accounts.PasswordHashingOptions>>().Value.WorkFactor;

        Assert.Equal(4, workFactor);
        Assert.Matches($@"^\$2[abxy]\$0{workFactor}\$", accounts.DummyHash);
        Assert.False(BCrypt.Net.BCrypt.PasswordNeedsRehash(accounts.DummyHash, workFactor));
        await (await AccessArrange.TokenAsync(api.Anonymous(), ("grant_type", "password"), ("username", "nobody_" + ApiCalls.Marker()), ("password", ApiFixture.Password)))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Registration_refuses_a_common_password()
    {
        var response = await api.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { username = "common_" + ApiCalls.Marker(), password = "Password1!" });
        var body = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Contains("most common", body.GetProperty("errors").GetProperty("password")[0].GetString());
    }
}
