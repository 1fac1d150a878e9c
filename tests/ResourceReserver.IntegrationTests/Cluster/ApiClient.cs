using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResourceReserver.IntegrationTests.Cluster;

/// <summary>Just enough of the REST API to drive the cluster tests.</summary>
public static class ApiClient
{
    public const string Password = "Str0ng-Passw0rd!";

    public static HttpClient For(SiloProcess silo, string? token = null)
    {
        var client = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static async Task RegisterAsync(SiloProcess silo, string username)
    {
        using var client = For(silo);
        (await client.PostAsJsonAsync("/api/v1/auth/register", new { username, password = Password })).EnsureSuccessStatusCode();
    }

    public static async Task<string> SignInAsync(SiloProcess silo, string username)
    {
        using var client = For(silo);
        var response = await client.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = username,
            ["password"] = Password,
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    public static async Task<Guid> CreateResourceAsync(HttpClient admin, string name)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/resources", new { name, capacity = 1 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> BookAsync(HttpClient client, Guid resourceId, DateTimeOffset start, TimeSpan length) =>
        client.PostAsJsonAsync("/api/v1/reservations", new { resourceId, start, end = start + length });

    public static async Task<int> ActiveSilosAsync(SiloProcess silo)
    {
        using var client = For(silo);
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        return health.GetProperty("components").GetProperty("silo").GetProperty("data").GetProperty("activeSilos").GetInt32();
    }

    public static DateTimeOffset Tomorrow(int hour) => new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(1).AddHours(hour);
}
