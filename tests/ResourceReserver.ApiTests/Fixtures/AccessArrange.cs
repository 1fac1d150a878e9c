using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ResourceReserver.ApiTests.Endpoints;

namespace ResourceReserver.ApiTests.Fixtures;

/// <summary>Arranging accounts with roles, custom roles and fresh sign-ins, through the API as an administrator would.</summary>
public static class AccessArrange
{
    /// <summary>A new signed-in user whose roles are exactly <paramref name="roles"/>.</summary>
    public static async Task<(HttpClient Client, Guid UserId, string Username)> UserWithRolesAsync(this ApiFixture api, HttpClient admin, params string[] roles)
    {
        var username = await api.RegisterAsync("r");
        var id = await IdOfAsync(admin, username);
        foreach (var role in roles.Where(r => r != "user"))
        {
            (await admin.PostAsJsonAsync($"/api/v1/users/{id}/roles", new { role })).EnsureSuccessStatusCode();
        }

        if (!roles.Contains("user"))
        {
            (await admin.DeleteAsync($"/api/v1/users/{id}/roles/user")).EnsureSuccessStatusCode();
        }

        return (await api.SignedInAsync(username), id, username);
    }

    /// <summary>A client with a fresh session of <paramref name="username"/>.</summary>
    public static async Task<HttpClient> SignedInAsync(this ApiFixture api, string username, string password = ApiFixture.Password)
    {
        var client = api.Anonymous();
        var token = await ApiFixture.SignInAsync(client, username, password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return client;
    }

    /// <summary>The id of a user by name, found by an administrator.</summary>
    public static async Task<Guid> IdOfAsync(HttpClient admin, string username)
    {
        var items = await admin.ItemsAsync($"/api/v1/users?q={username}");
        return items.Single(u => u.GetProperty("username").GetString() == username).GetProperty("id").GetGuid();
    }

    /// <summary>Creates a custom role and returns its name.</summary>
    public static async Task<string> CustomRoleAsync(HttpClient admin, params string[] permissions)
    {
        var name = "role-" + Guid.NewGuid().ToString("N")[..10];
        var response = await admin.PostAsJsonAsync("/api/v1/roles", new { name, description = "test role", permissions });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return name;
    }

    /// <summary>Signs in with the password grant; returns the raw response.</summary>
    public static Task<HttpResponseMessage> TokenAsync(HttpClient client, params (string Key, string Value)[] fields) =>
        client.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(fields.ToDictionary(f => f.Key, f => f.Value)));

    /// <summary>The role names of a user answer.</summary>
    public static List<string?> RolesOf(JsonElement user) => user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToList();
}
