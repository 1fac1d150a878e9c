using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResourceReserver.ApiTests.Fixtures;

/// <summary>The shared host plus helpers to get signed-in clients. The first account registered is the admin.</summary>
public class ApiFixture : IAsyncLifetime
{
    public const string Password = "Str0ng-Passw0rd!";

    /// <summary>A host with the shared test settings.</summary>
    public ApiFixture()
        : this((IReadOnlyDictionary<string, string>?)null)
    {
    }

    /// <summary>A host with extra settings on top of the shared ones.</summary>
    protected ApiFixture(IReadOnlyDictionary<string, string>? settings) => Factory = new ReserverApiFactory(settings);

    /// <summary>A host built by <paramref name="factory"/> (extra services, a real Kestrel server).</summary>
    protected ApiFixture(ReserverApiFactory factory) => Factory = factory;

    /// <summary>The host under test.</summary>
    public ReserverApiFactory Factory { get; }

    /// <summary>A client signed in as the administrator.</summary>
    public HttpClient Admin { get; private set; } = null!;

    /// <summary>The administrator's user id.</summary>
    public Guid AdminId { get; private set; }

    /// <summary>Anonymous client.</summary>
    public HttpClient Anonymous() => Factory.CreateClient();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        (Admin, AdminId) = await NewUserAsync("admin");
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Registers a user with a unique name derived from <paramref name="prefix"/> and returns a signed-in client.</summary>
    public async Task<(HttpClient Client, Guid UserId)> NewUserAsync(string prefix = "user")
    {
        var username = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 13)];
        var client = Factory.CreateClient();
        var registered = await client.PostAsJsonAsync("/api/v1/auth/register", new { username, password = Password });
        registered.EnsureSuccessStatusCode();
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var token = await SignInAsync(client, username);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        return (client, id);
    }

    /// <summary>Signs in with the password grant and returns the token response.</summary>
    public static async Task<JsonElement> SignInAsync(HttpClient client, string username, string password = Password)
    {
        var response = await client.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = username,
            ["password"] = password,
        }));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Creates a resource as admin and returns its id.</summary>
    public async Task<Guid> NewResourceAsync(int capacity = 1, string? name = null, string[]? tags = null)
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/resources", new
        {
            name = name ?? "Room " + Guid.NewGuid().ToString("N"),
            capacity,
            tags = tags ?? ["room"],
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A whole-hour instant some days ahead, so bookings are always in the future.</summary>
    public static DateTimeOffset FutureHour(int daysAhead = 2, int hour = 9) =>
        new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(daysAhead).AddHours(hour);
}
